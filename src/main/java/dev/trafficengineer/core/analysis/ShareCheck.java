package dev.trafficengineer.core.analysis;

/**
 * The observed-against-declared share test: where the declared split came from ({@code declared} or
 * {@code routeYaml}), the canary's declared and observed share of the two versions' requests, the
 * exact two-sided binomial p-value with the alpha and the relative deviation it is judged by, and
 * whether that is a mismatch. {@code pValue} is 0 when it is below the smallest double; {@code
 * log10PValue} then still tells how far below (null where the p-value is exactly 0: a count the
 * declared split cannot produce, such as canary requests at weight 0).
 */
public record ShareCheck(
    String declaredFrom,
    double declaredCanaryShare,
    double observedCanaryShare,
    long requests,
    double pValue,
    Double log10PValue,
    double alpha,
    double maxShareDeviation,
    boolean mismatch) {}
