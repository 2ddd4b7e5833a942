package dev.trafficengineer.core.analysis;

/**
 * How many canary requests a verdict needs, and how many more are still missing: the largest of
 * {@code minRequests}, the requests at which the canary is expected to reach {@code minErrors}
 * errors if it fails at the ceiling, and the power analysis's sample size ({@code powerRequests},
 * null where stable already fails at the ceiling) for telling a canary at {@code targetErrorRate}
 * from stable's {@code baselineErrorRate} with the given power at alpha.
 */
public record SampleSize(
    long needed,
    long more,
    Long powerRequests,
    double power,
    Double baselineErrorRate,
    double targetErrorRate) {}
