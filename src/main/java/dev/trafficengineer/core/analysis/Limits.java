package dev.trafficengineer.core.analysis;

import dev.trafficengineer.core.input.InvalidInputException;
import java.util.List;

/** The thresholds after defaults and checks, with the echo a verdict shows. */
record Limits(
    long minRequests,
    long minErrors,
    double alpha,
    double maxErrorRate,
    double maxLatencyRatio,
    double shareAlpha,
    double maxShareDeviation,
    double power,
    double maxTailRatio,
    List<ThresholdEcho> echo) {
  static final long DEFAULT_MIN_REQUESTS = 100;
  static final long DEFAULT_MIN_ERRORS = 5;
  static final double DEFAULT_ALPHA = 0.05;
  static final double DEFAULT_MAX_ERROR_RATE = 0.05;
  static final double DEFAULT_MAX_LATENCY_RATIO = 1.5;
  static final double DEFAULT_SHARE_ALPHA = 0.001;
  static final double DEFAULT_MAX_SHARE_DEVIATION = 0.2;
  static final double DEFAULT_POWER = 0.8;
  static final double DEFAULT_MAX_TAIL_RATIO = 2.0;

  static Limits of(Thresholds given) {
    Thresholds t = given == null ? new Thresholds(null, null, null, null, null) : given;
    long minRequests = atLeastOne("thresholds.minRequests", t.minRequests(), DEFAULT_MIN_REQUESTS);
    long minErrors = atLeastOne("thresholds.minErrors", t.minErrors(), DEFAULT_MIN_ERRORS);
    double alpha =
        between(
            "thresholds.alpha",
            t.alpha(),
            DEFAULT_ALPHA,
            0.5,
            "a probability above 0, at most 0.5");
    double maxErrorRate =
        between(
            "thresholds.maxErrorRate",
            t.maxErrorRate(),
            DEFAULT_MAX_ERROR_RATE,
            1.0,
            "a fraction above 0, at most 1 (0.05 is 5%)");
    double maxLatencyRatio = latencyRatio(t.maxLatencyRatio());
    double shareAlpha =
        between(
            "thresholds.shareAlpha",
            t.shareAlpha(),
            DEFAULT_SHARE_ALPHA,
            0.5,
            "a probability above 0, at most 0.5");
    double maxShareDeviation =
        between(
            "thresholds.maxShareDeviation",
            t.maxShareDeviation(),
            DEFAULT_MAX_SHARE_DEVIATION,
            1.0,
            "a fraction of the declared share above 0, at most 1 (0.2 accepts 8% to 12% for 10%)");
    double power =
        between(
            "thresholds.power",
            t.power(),
            DEFAULT_POWER,
            0.999,
            "a probability above 0, at most 0.999");
    double maxTailRatio = tailRatio(t.maxTailRatio());
    return new Limits(
        minRequests,
        minErrors,
        alpha,
        maxErrorRate,
        maxLatencyRatio,
        shareAlpha,
        maxShareDeviation,
        power,
        maxTailRatio,
        List.of(
            new ThresholdEcho(
                "minRequests",
                minRequests,
                t.minRequests() == null,
                "Canary requests needed before its rates can promote it or roll it back. At 100"
                    + " requests one error moves the rate by one point, and the lesson compared"
                    + " 100 log lines per version; below it the verdict is hold, unless the error"
                    + " test already proves a regression."),
            new ThresholdEcho(
                "minErrors",
                minErrors,
                t.minErrors() == null,
                "Canary errors needed before the error test may roll back. Against a zero"
                    + " baseline one error gives p = the canary's share of the traffic (0.05 at a"
                    + " 5% stage), and a few errors can be one client's retries: fewer than 5 give"
                    + " hold, not rollback."),
            new ThresholdEcho(
                "alpha",
                alpha,
                t.alpha() == null,
                "Significance level of the one-sided Fisher exact test: the canary is called"
                    + " worse when errors this lopsided would happen by chance less than 5% of the"
                    + " time. The conventional level; a gate checked at every stage can afford it"
                    + " because promotion also needs minRequests."),
            new ThresholdEcho(
                "maxErrorRate",
                maxErrorRate,
                t.maxErrorRate() == null,
                "Ceiling on the canary's own error rate, whatever stable does: above 5% (1"
                    + " request in 20 failing) no comparison makes the canary acceptable. The"
                    + " success-rate floor of 95% that Argo Rollouts' analysis examples use."),
            new ThresholdEcho(
                "maxLatencyRatio",
                maxLatencyRatio,
                t.maxLatencyRatio() == null,
                "Largest canary p99 / stable p99 accepted. A p99 over a few hundred requests"
                    + " rests on its few slowest ones and histogram buckets blur it further, so"
                    + " differences up to 1.5 times are within the noise between two healthy"
                    + " deployments."),
            new ThresholdEcho(
                "shareAlpha",
                shareAlpha,
                t.shareAlpha() == null,
                "Significance level of the exact two-sided binomial test of the canary's observed"
                    + " share against the declared one. Stricter than alpha because the check runs"
                    + " at every evaluation of every stage and a false alarm stalls a healthy"
                    + " rollout; 0.001 is the level sample-ratio-mismatch checks of A/B platforms"
                    + " use. A broken split is off by far more and is caught anyway."),
            new ThresholdEcho(
                "maxShareDeviation",
                maxShareDeviation,
                t.maxShareDeviation() == null,
                "How far, relative to the declared share, the observed share may be off before a"
                    + " significant difference counts as a mismatch: 0.2 accepts 8% to 12% for a"
                    + " 10% canary. With millions of requests the test finds differences of a"
                    + " tenth of a point that change nothing (retries, health checks, counter"
                    + " extrapolation); a fifth of the declared share changes the exposure."),
            new ThresholdEcho(
                "power",
                power,
                t.power() == null,
                "Probability that the error test notices a canary failing at the maxErrorRate"
                    + " ceiling, used to size the sample before a promotion: the canary needs"
                    + " enough requests that such a canary would be caught 80% of the time (the"
                    + " conventional power of Cohen's power analysis)."),
            new ThresholdEcho(
                "maxTailRatio",
                maxTailRatio,
                t.maxTailRatio() == null,
                "With histogram buckets: the largest accepted ratio of the canary's share of"
                    + " requests slower than a bucket bound to stable's, at bounds in stable's"
                    + " slowest 10%. Twice as many slow requests, when significant, is a"
                    + " regression a p99 of bucket-interpolated numbers can hide.")));
  }

  private static double tailRatio(Double value) {
    if (value == null) {
      return DEFAULT_MAX_TAIL_RATIO;
    }
    if (!(value > 1 && value <= 1000)) {
      throw new InvalidInputException(
          "thresholds.maxTailRatio", value, "must be a ratio above 1, at most 1000");
    }
    return value;
  }

  private static long atLeastOne(String field, Long value, long fallback) {
    if (value == null) {
      return fallback;
    }
    if (value < 1) {
      throw new InvalidInputException(field, value, "must be at least 1");
    }
    return value;
  }

  private static double between(
      String field, Double value, double fallback, double max, String rule) {
    if (value == null) {
      return fallback;
    }
    if (!(value > 0 && value <= max)) {
      throw new InvalidInputException(field, value, "must be " + rule);
    }
    return value;
  }

  private static double latencyRatio(Double value) {
    if (value == null) {
      return DEFAULT_MAX_LATENCY_RATIO;
    }
    if (!(value >= 1 && value <= 1000)) {
      throw new InvalidInputException(
          "thresholds.maxLatencyRatio",
          value,
          "must be a ratio from 1 to 1000 (1.5 is 50% slower)");
    }
    return value;
  }
}
