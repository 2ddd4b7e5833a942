package dev.trafficengineer.core.analysis;

import java.util.List;

/**
 * The latency distributions compared from histogram buckets: what was compared, the bounds in
 * stable's slowest 10% with their counts and tests, the per-bound alpha after the Bonferroni
 * correction for testing several bounds, and whether the canary's tail is slower.
 */
public record TailComparison(
    String compared, List<TailBound> bounds, double alphaPerBound, boolean regression) {}
