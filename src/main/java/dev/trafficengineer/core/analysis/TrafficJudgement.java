package dev.trafficengineer.core.analysis;

import static dev.trafficengineer.core.analysis.CanaryAnalysis.count;
import static dev.trafficengineer.core.analysis.CanaryAnalysis.number;
import static dev.trafficengineer.core.analysis.CanaryAnalysis.percent;

import dev.trafficengineer.core.analysis.CanaryAnalysis.Sample;
import java.util.Optional;

/**
 * No traffic is not health. A canary nobody called has no error rate to be proud of: below the
 * count at which a canary failing at the {@code maxErrorRate} ceiling would be expected to fail
 * even once (20 requests at 5%), it has not been exercised at all ({@code no-traffic}). Above it,
 * it holds until it has the sample a verdict needs ({@code thin-traffic}), and says how many more
 * requests that is.
 */
final class TrafficJudgement {
  private TrafficJudgement() {}

  /** Requests below which the canary counts as not reached at all. */
  static long noTrafficBelow(Limits limits) {
    return (long) Math.ceil(1 / limits.maxErrorRate() - 1e-9);
  }

  /**
   * The canary requests a promotion needs: the largest of {@code minRequests}; {@code minErrors /
   * maxErrorRate}, where a canary failing at the ceiling is expected to reach the errors a rollback
   * needs; and the one-sample power analysis for telling a canary at the ceiling p1 from stable's
   * rate p0 in a one-sided test at alpha: n = (z(1−α)·√(p0(1−p0)) + z(power)·√(p1(1−p1)))² / (p1 −
   * p0)². Stable's rate is taken as known because stable serves most of the traffic; the normal
   * approximation is the textbook one (Fleiss; Chow, Shao and Wang, §4.1).
   */
  static SampleSize sampleSize(Sample stable, Sample canary, Limits limits) {
    double p1 = limits.maxErrorRate();
    Double p0 = stable.rate();
    Long power = null;
    if (p0 != null && p0 < p1) {
      double za = NormalQuantile.of(1 - limits.alpha());
      double zb = NormalQuantile.of(limits.power());
      double root = za * Math.sqrt(p0 * (1 - p0)) + zb * Math.sqrt(p1 * (1 - p1));
      power = (long) Math.ceil(root * root / ((p1 - p0) * (p1 - p0)) - 1e-9);
    }
    long atCeiling = (long) Math.ceil(limits.minErrors() / p1 - 1e-9);
    long needed = Math.max(limits.minRequests(), Math.max(atCeiling, power == null ? 0 : power));
    return new SampleSize(
        needed, Math.max(0, needed - canary.requests()), power, limits.power(), p0, p1);
  }

  /** no-traffic or thin-traffic, or nothing when the canary has its sample. */
  static Optional<Reason> judge(Sample canary, SampleSize size, ShareCheck share, Limits limits) {
    long floor = noTrafficBelow(limits);
    if (canary.requests() < floor) {
      String expected =
          share == null
              ? ""
              : " At the declared "
                  + CanaryAnalysis.share(share.declaredCanaryShare())
                  + " about "
                  + count(Math.round(share.declaredCanaryShare() * share.requests()))
                  + " of the "
                  + count(share.requests())
                  + " requests should have.";
      return Optional.of(
          Reason.hold(
              Reason.NO_TRAFFIC,
              (canary.requests() == 0
                      ? "Traffic: no request reached the canary in the window."
                      : "Traffic: only "
                          + canary.requests()
                          + (canary.requests() == 1 ? " request" : " requests")
                          + " reached the canary, fewer than the "
                          + floor
                          + " at which a canary failing at the "
                          + percent(limits.maxErrorRate())
                          + " ceiling would be expected to fail once: it has hardly been"
                          + " exercised.")
                  + expected
                  + " No traffic is not health: check that the route's weight reaches the"
                  + " canary, that its pods carry the canary's version label, and that the"
                  + " window covers the stage. Hold; never promote a canary nobody called."));
    }
    if (canary.requests() >= size.needed()) {
      return Optional.empty();
    }
    return Optional.of(
        Reason.hold(
            Reason.THIN_TRAFFIC,
            "Sample: the canary served "
                + count(canary.requests())
                + " requests"
                + " (one error in them is "
                + percent(1.0 / canary.requests())
                + "); "
                + count(size.needed())
                + " are needed before a verdict can promote it, "
                + count(size.more())
                + " more. Needed is the largest of minRequests "
                + limits.minRequests()
                + "; "
                + count((long) Math.ceil(limits.minErrors() / limits.maxErrorRate() - 1e-9))
                + ", where a canary failing at the "
                + percent(limits.maxErrorRate())
                + " ceiling is expected to reach the "
                + limits.minErrors()
                + " errors a rollback needs; and "
                + powerText(size, limits)
                + ". Too few requests yet: wait for more traffic."));
  }

  private static String powerText(SampleSize size, Limits limits) {
    if (size.powerRequests() == null) {
      return size.baselineErrorRate() == null
          ? "no power analysis, since stable served no requests to compare with"
          : "no power analysis, since stable itself fails at or above the ceiling";
    }
    return count(size.powerRequests())
        + " from the power analysis: to notice a canary failing at "
        + percent(size.targetErrorRate())
        + " against stable's "
        + percent(size.baselineErrorRate())
        + " with power "
        + number(size.power())
        + " in a one-sided test at alpha "
        + number(limits.alpha())
        + ", n = (z(1-alpha) sqrt(p0 (1-p0)) + z(power) sqrt(p1 (1-p1)))^2 / (p1-p0)^2";
  }
}
