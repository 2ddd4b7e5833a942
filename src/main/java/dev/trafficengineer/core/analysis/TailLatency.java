package dev.trafficengineer.core.analysis;

import static dev.trafficengineer.core.analysis.CanaryAnalysis.count;
import static dev.trafficengineer.core.analysis.CanaryAnalysis.number;
import static dev.trafficengineer.core.analysis.CanaryAnalysis.percent;
import static dev.trafficengineer.core.analysis.CanaryAnalysis.probability;

import dev.trafficengineer.core.input.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Compares the two latency distributions where they matter, in the tail, instead of two p99 numbers
 * interpolated inside one bucket. At every bucket bound in stable's slowest 10%, the requests
 * slower than the bound are counted per version and tested like errors (Fisher's exact test,
 * one-sided: is the canary slower this often by chance?), at alpha divided by the number of bounds
 * tested (Bonferroni). A bound is a regression when it is significant, the canary has at least
 * {@code minErrors} requests that slow (one client's retries are not a tail), and its share of them
 * is more than {@code maxTailRatio} times stable's.
 */
final class TailLatency {
  /** Bounds where at most this share of stable's requests is slower form the tail. */
  static final double TAIL = 0.10;

  private static final int MAX_BUCKETS = 64;

  /** The comparison, or null when there was none, and the reason to show. */
  record Outcome(TailComparison comparison, Reason reason) {}

  private TailLatency() {}

  static Outcome judge(List<Bucket> stable, List<Bucket> canary, Limits limits) {
    if (stable == null && canary == null) {
      return new Outcome(null, null);
    }
    if (stable == null || canary == null) {
      return new Outcome(
          null,
          Reason.none(
              Reason.LATENCY,
              "Tail: not compared; give histogram buckets for both versions, not only for "
                  + (stable == null ? "the canary." : "stable.")));
    }
    double[] bounds = bounds("stable.buckets", stable);
    double[] canaryBounds = bounds("canary.buckets", canary);
    if (!java.util.Arrays.equals(bounds, canaryBounds)) {
      throw new InvalidInputException(
          "canary.buckets",
          stable.size() + " vs " + canary.size() + " buckets",
          "must have the same le bounds as stable.buckets, or the tails cannot be compared");
    }
    long[] s = counts("stable.buckets", stable);
    long[] c = counts("canary.buckets", canary);
    long stableTotal = s[s.length - 1];
    long canaryTotal = c[c.length - 1];
    if (stableTotal == 0 || canaryTotal == 0) {
      return new Outcome(
          null,
          Reason.none(
              Reason.LATENCY,
              "Tail: not compared; "
                  + (stableTotal == 0 ? "stable's" : "the canary's")
                  + " histogram counted no requests."));
    }
    List<Integer> tail = new ArrayList<>();
    for (int i = 0; i < bounds.length - 1; i++) {
      if ((double) (stableTotal - s[i]) / stableTotal <= TAIL) {
        tail.add(i);
      }
    }
    if (tail.isEmpty()) {
      return new Outcome(
          null,
          Reason.none(
              Reason.LATENCY,
              "Tail: not compared; no finite bucket bound lies in stable's slowest "
                  + percent(TAIL)
                  + ", so the histogram has no tail to compare."));
    }
    double alphaPerBound = limits.alpha() / tail.size();
    List<TailBound> results = new ArrayList<>();
    TailBound worst = null;
    for (int i : tail) {
      long stableSlower = stableTotal - s[i];
      long canarySlower = canaryTotal - c[i];
      double stableShare = (double) stableSlower / stableTotal;
      double canaryShare = (double) canarySlower / canaryTotal;
      double p =
          FisherExact.upperTail(
              stableTotal + canaryTotal, stableSlower + canarySlower, canaryTotal, canarySlower);
      TailBound bound =
          new TailBound(
              bounds[i],
              stableSlower,
              stableShare,
              canarySlower,
              canaryShare,
              stableSlower == 0 ? null : canaryShare / stableShare,
              p);
      results.add(bound);
      if (regression(bound, alphaPerBound, limits)
          && (worst == null || bound.pValue() < worst.pValue())) {
        worst = bound;
      }
    }
    String compared =
        "the share of requests slower than each bucket bound in stable's slowest "
            + percent(TAIL)
            + " ("
            + results.stream()
                .map(b -> number(b.leSeconds()) + " s")
                .collect(Collectors.joining(", "))
            + "), canary against stable, Fisher's exact test one-sided at alpha "
            + number(limits.alpha())
            + " / "
            + results.size()
            + (results.size() == 1 ? " bound" : " bounds");
    TailComparison comparison =
        new TailComparison(compared, List.copyOf(results), alphaPerBound, worst != null);
    if (worst != null) {
      return new Outcome(
          comparison,
          Reason.rollback(
              Reason.LATENCY,
              "Tail: compared "
                  + compared
                  + ". Slower than "
                  + number(worst.leSeconds())
                  + " s: "
                  + describe(worst)
                  + ", p = "
                  + probability(worst.pValue())
                  + ": the canary's tail is slower, and it is not bad luck, whatever the two p99"
                  + " numbers say."));
    }
    TailBound largest =
        results.stream()
            .max(java.util.Comparator.comparingDouble(b -> b.canaryShare() - b.stableShare()))
            .orElseThrow();
    return new Outcome(
        comparison,
        Reason.none(
            Reason.LATENCY,
            "Tail: compared "
                + compared
                + ". The largest difference, slower than "
                + number(largest.leSeconds())
                + " s: "
                + describe(largest)
                + ", p = "
                + probability(largest.pValue())
                + ": no slower tail beyond the limits (significant at "
                + probability(alphaPerBound)
                + ", at least "
                + limits.minErrors()
                + " slow canary requests, more than "
                + number(limits.maxTailRatio())
                + " times stable's share)."));
  }

  private static boolean regression(TailBound bound, double alphaPerBound, Limits limits) {
    return bound.pValue() < alphaPerBound
        && bound.canarySlower() >= limits.minErrors()
        && (bound.ratio() == null || bound.ratio() > limits.maxTailRatio());
  }

  private static String describe(TailBound bound) {
    return "canary "
        + percent(bound.canaryShare())
        + " ("
        + count(bound.canarySlower())
        + "), stable "
        + percent(bound.stableShare())
        + " ("
        + count(bound.stableSlower())
        + ")"
        + (bound.ratio() == null ? "" : ", " + number(bound.ratio()) + " times");
  }

  private static double[] bounds(String field, List<Bucket> buckets) {
    if (buckets.isEmpty() || buckets.size() > MAX_BUCKETS) {
      throw new InvalidInputException(
          field, buckets.size() + " buckets", "must hold 1 to " + MAX_BUCKETS + " buckets");
    }
    double[] bounds = new double[buckets.size()];
    for (int i = 0; i < bounds.length; i++) {
      Bucket bucket = buckets.get(i);
      String le = bucket == null ? null : bucket.le();
      String at = field + "[" + i + "].le";
      if (le == null) {
        throw InvalidInputException.missing(at);
      }
      double value;
      try {
        value = "+Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
      } catch (NumberFormatException e) {
        throw new InvalidInputException(at, le, "must be a bound in seconds such as 0.25, or +Inf");
      }
      if (!(value >= 0) || Double.isNaN(value) || (i > 0 && value <= bounds[i - 1])) {
        throw new InvalidInputException(
            at, le, "must be a bound of 0 or more seconds, larger than the bucket before it");
      }
      bounds[i] = value;
    }
    if (bounds[bounds.length - 1] != Double.POSITIVE_INFINITY) {
      throw new InvalidInputException(
          field + "[" + (bounds.length - 1) + "].le",
          buckets.get(bounds.length - 1).le(),
          "must be +Inf: the last bucket counts every request, as in every Prometheus histogram");
    }
    return bounds;
  }

  private static long[] counts(String field, List<Bucket> buckets) {
    long[] counts = new long[buckets.size()];
    for (int i = 0; i < counts.length; i++) {
      Long value = buckets.get(i).count();
      String at = field + "[" + i + "].count";
      if (value == null) {
        throw InvalidInputException.missing(at);
      }
      if (value < 0 || value > 1_000_000_000_000_000L || (i > 0 && value < counts[i - 1])) {
        throw new InvalidInputException(
            at,
            value,
            "must be a cumulative count: 0 or more, at most 10^18, and not below the bucket"
                + " before it");
      }
      counts[i] = value;
    }
    return counts;
  }
}
