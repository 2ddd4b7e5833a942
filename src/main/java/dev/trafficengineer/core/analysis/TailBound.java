package dev.trafficengineer.core.analysis;

/**
 * At one bucket bound: how many requests of each version were slower than {@code leSeconds}, their
 * share of the version's requests, the canary's share over stable's (null when stable had none that
 * slow), and the one-sided Fisher p-value that the canary is slower this often by chance.
 */
public record TailBound(
    double leSeconds,
    long stableSlower,
    double stableShare,
    long canarySlower,
    double canaryShare,
    Double ratio,
    double pValue) {}
