package dev.trafficengineer.core.analysis;

/**
 * Fisher's exact test, one-sided: is the canary's error rate higher than stable's? If both versions
 * failed at the same rate, the errors would fall on the canary's requests like balls drawn without
 * replacement, so the number of canary errors follows the hypergeometric distribution: of {@code
 * total} requests, {@code totalErrors} failed, and the canary served {@code draws} of them. The
 * p-value is the chance of seeing {@code observed} or more canary errors that way.
 *
 * <p>Exact rather than a z-test because canary counts are small exactly when it matters: at 5
 * requests or with a zero baseline the normal approximation is far off.
 */
final class FisherExact {
  /** Lanczos coefficients for g = 7, n = 9 (relative error of ln Γ below 1e-14). */
  private static final double[] LANCZOS = {
    0.99999999999980993,
    676.5203681218851,
    -1259.1392167224028,
    771.32342877765313,
    -176.61502916214059,
    12.507343278686905,
    -0.13857109526572012,
    9.9843695780195716e-6,
    1.5056327351493116e-7
  };

  private static final double NEGLIGIBLE = 1e-17;

  private FisherExact() {}

  /** P(X ≥ observed) for X ~ Hypergeometric(total, totalErrors, draws). */
  static double upperTail(long total, long totalErrors, long draws, long observed) {
    long low = Math.max(0, draws - (total - totalErrors));
    long high = Math.min(draws, totalErrors);
    if (observed <= low) {
      return 1.0;
    }
    if (observed > high) {
      return 0.0;
    }
    long mode = (long) Math.floor((draws + 1.0) * (totalErrors + 1.0) / (total + 2.0));
    if (observed > mode) {
      // Past the mode the terms only shrink: sum upwards until they no longer count.
      double term = probability(total, totalErrors, draws, observed);
      double sum = term;
      for (long k = observed; k < high && term > sum * NEGLIGIBLE; k++) {
        term *=
            (double) (totalErrors - k)
                * (draws - k)
                / ((double) (k + 1) * (total - totalErrors - draws + k + 1));
        sum += term;
      }
      return Math.min(1.0, sum);
    }
    // At or below the mode the upper tail holds most of the mass; its complement, summed
    // downwards where the terms shrink, is the short sum.
    double term = probability(total, totalErrors, draws, observed - 1);
    double lower = term;
    for (long k = observed - 1; k > low && term > lower * NEGLIGIBLE; k--) {
      term *=
          (double) k
              * (total - totalErrors - draws + k)
              / ((double) (totalErrors - k + 1) * (draws - k + 1));
      lower += term;
    }
    return Math.max(0.0, 1.0 - lower);
  }

  /** P(X = k), through logarithms so that millions of requests do not overflow. */
  static double probability(long total, long totalErrors, long draws, long k) {
    return Math.exp(
        logChoose(totalErrors, k)
            + logChoose(total - totalErrors, draws - k)
            - logChoose(total, draws));
  }

  static double logChoose(long n, long k) {
    return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
  }

  static double logFactorial(long n) {
    return n < 2 ? 0.0 : logGamma(n + 1.0);
  }

  /** ln Γ(x) for x ≥ 0.5 by the Lanczos approximation. */
  static double logGamma(double x) {
    double z = x - 1.0;
    double sum = LANCZOS[0];
    for (int i = 1; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (z + i);
    }
    double t = z + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }
}
