package dev.trafficengineer.core.analysis;

/**
 * The exact two-sided binomial test: if each of {@code n} requests went to the canary with the
 * declared probability {@code p}, how likely is a count at least as improbable as the one observed?
 * "At least as improbable" is the definition R's {@code binom.test} and SciPy's {@code binomtest}
 * use: the sum of the probabilities of every count whose probability is not above the observed one
 * (with a relative slack of 1e-7 for rounding).
 *
 * <p>Probabilities are kept as logarithms from end to end: a canary that got 100 of 25,000 requests
 * instead of 2,500 has a probability near e^-1900, far below the smallest double. Each log
 * probability comes from Loader's saddle-point form (the one R's {@code dbinom} uses), which stays
 * exact to about 1e-15 where ln n! computed by itself would lose all digits to cancellation; each
 * tail is summed outwards from its inner end, by the ratio between neighbouring terms, relative to
 * that first term.
 */
final class BinomialTest {
  /** R and SciPy: counts whose probability is within this factor of the observed one count too. */
  private static final double RELATIVE_SLACK = 1 + 1e-7;

  /** A tail term this small against the sum so far no longer changes a double. */
  private static final double NEGLIGIBLE = 1e-17;

  /**
   * Tails are summed term by term, about 9 standard deviations of them at most; above this many
   * requests that would take seconds.
   */
  static final long MAX_TRIALS = 1_000_000_000_000L;

  private static final double LN_2PI = Math.log(2 * Math.PI);

  private BinomialTest() {}

  /** The two-sided p-value for {@code observed} successes in {@code n} trials at rate {@code p}. */
  static double twoSided(long n, long observed, double p) {
    return Math.min(1.0, Math.exp(logTwoSided(n, observed, p)));
  }

  /** ln of {@link #twoSided}, which stays finite where the p-value itself underflows to 0. */
  static double logTwoSided(long n, long observed, double p) {
    if (n < 0 || observed < 0 || observed > n || n > MAX_TRIALS) {
      throw new IllegalArgumentException("counts out of range: " + observed + " of " + n);
    }
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("not a probability: " + p);
    }
    double mean = n * p;
    double limit = logPmf(n, observed, p) + Math.log(RELATIVE_SLACK);
    if (limit == Double.NEGATIVE_INFINITY) {
      return Double.NEGATIVE_INFINITY;
    }
    if (observed == mean) {
      return 0.0;
    }
    if (observed < mean) {
      long from = firstAtMost(n, p, (long) Math.ceil(mean), n, limit, true);
      return logSum(logLowerTail(n, observed, p), from > n ? null : logUpperTail(n, from, p));
    }
    long to = firstAtMost(n, p, 0, (long) Math.floor(mean), limit, false);
    return logSum(to < 0 ? null : logLowerTail(n, to, p), logUpperTail(n, observed, p));
  }

  /**
   * Where the probabilities on the far side of the mean fall to {@code limit}: the smallest k in
   * [low, high] with logPmf(k) ≤ limit when {@code upwards} (they decrease there), else the largest
   * (they increase). Past the end (high + 1, or low - 1) when no count qualifies.
   */
  private static long firstAtMost(
      long n, double p, long low, long high, double limit, boolean upwards) {
    long lo = low;
    long hi = high;
    if (upwards) {
      if (logPmf(n, hi, p) > limit) {
        return high + 1;
      }
      while (lo < hi) {
        long mid = lo + (hi - lo) / 2;
        if (logPmf(n, mid, p) <= limit) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return lo;
    }
    if (logPmf(n, lo, p) > limit) {
      return low - 1;
    }
    while (lo < hi) {
      long mid = lo + (hi - lo + 1) / 2;
      if (logPmf(n, mid, p) <= limit) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** ln P(X ≤ k), summed from k downwards. */
  static double logLowerTail(long n, long k, double p) {
    double first = logPmf(n, k, p);
    if (first == Double.NEGATIVE_INFINITY) {
      return first;
    }
    double odds = (1 - p) / p;
    double term = 1.0;
    double sum = 1.0;
    for (long j = k; j > 0 && term > sum * NEGLIGIBLE; j--) {
      term *= j / (double) (n - j + 1) * odds;
      sum += term;
    }
    return first + Math.log(sum);
  }

  /** ln P(X ≥ k), summed from k upwards. */
  static double logUpperTail(long n, long k, double p) {
    double first = logPmf(n, k, p);
    if (first == Double.NEGATIVE_INFINITY) {
      return first;
    }
    double odds = p / (1 - p);
    double term = 1.0;
    double sum = 1.0;
    for (long j = k; j < n && term > sum * NEGLIGIBLE; j++) {
      term *= (n - j) / (double) (j + 1) * odds;
      sum += term;
    }
    return first + Math.log(sum);
  }

  private static double logSum(Double a, Double b) {
    if (a == null || a == Double.NEGATIVE_INFINITY) {
      return b == null ? Double.NEGATIVE_INFINITY : b;
    }
    if (b == null || b == Double.NEGATIVE_INFINITY) {
      return a;
    }
    double max = Math.max(a, b);
    return max + Math.log(Math.exp(a - max) + Math.exp(b - max));
  }

  /** ln P(X = k) for X ~ Binomial(n, p): Loader's saddle-point form, as in R's dbinom_raw. */
  static double logPmf(long n, long k, double p) {
    double q = 1 - p;
    if (p == 0) {
      return k == 0 ? 0.0 : Double.NEGATIVE_INFINITY;
    }
    if (q == 0) {
      return k == n ? 0.0 : Double.NEGATIVE_INFINITY;
    }
    if (k == 0) {
      return n == 0 ? 0.0 : p < 0.1 ? -deviance(n, n * q) - n * p : n * Math.log(q);
    }
    if (k == n) {
      return q < 0.1 ? -deviance(n, n * p) - n * q : n * Math.log(p);
    }
    double lc =
        stirlingError(n)
            - stirlingError(k)
            - stirlingError(n - k)
            - deviance(k, n * p)
            - deviance(n - k, n * q);
    double lf = LN_2PI + Math.log(k) + Math.log1p(-(double) k / n);
    return lc - 0.5 * lf;
  }

  /** ln n! − ((n + ½) ln n − n + ½ ln 2π): the error of Stirling's formula. */
  static double stirlingError(long n) {
    if (n <= 15) {
      double logFactorial = 0;
      for (long i = 2; i <= n; i++) {
        logFactorial += Math.log(i);
      }
      return n == 0 ? 0 : logFactorial - (n + 0.5) * Math.log(n) + n - 0.5 * LN_2PI;
    }
    double s0 = 1.0 / 12;
    double s1 = 1.0 / 360;
    double s2 = 1.0 / 1260;
    double s3 = 1.0 / 1680;
    double s4 = 1.0 / 1188;
    double nn = (double) n * n;
    if (n > 500) {
      return (s0 - s1 / nn) / n;
    }
    if (n > 80) {
      return (s0 - (s1 - s2 / nn) / nn) / n;
    }
    if (n > 35) {
      return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n;
    }
    return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n;
  }

  /** x ln(x / m) + m − x, computed without cancellation when x is close to m (Loader's bd0). */
  static double deviance(double x, double m) {
    if (Math.abs(x - m) < 0.1 * (x + m)) {
      double v = (x - m) / (x + m);
      double s = (x - m) * v;
      double ej = 2 * x * v;
      v *= v;
      for (int j = 1; j < 1000; j++) {
        ej *= v;
        double next = s + ej / (2 * j + 1);
        if (next == s) {
          return next;
        }
        s = next;
      }
      return s;
    }
    return x * Math.log(x / m) + m - x;
  }
}
