package dev.trafficengineer.core.analysis;

/**
 * The numbers behind a verdict, so that a person can redo it by hand. Rates and ratios are null
 * where they are undefined (no requests, a zero baseline, no latency given).
 */
public record Numbers(
    long stableRequests,
    long stableErrors,
    Double stableErrorRate,
    long canaryRequests,
    long canaryErrors,
    Double canaryErrorRate,
    Double errorRateRatio,
    double pValue,
    Double stableP99Ms,
    Double canaryP99Ms,
    Double latencyRatio) {}
