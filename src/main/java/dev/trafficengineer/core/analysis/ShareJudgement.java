package dev.trafficengineer.core.analysis;

import static dev.trafficengineer.core.analysis.CanaryAnalysis.count;
import static dev.trafficengineer.core.analysis.CanaryAnalysis.number;
import static dev.trafficengineer.core.analysis.CanaryAnalysis.probability;
import static dev.trafficengineer.core.analysis.CanaryAnalysis.share;

import dev.trafficengineer.core.analysis.CanaryAnalysis.Sample;
import dev.trafficengineer.core.input.InvalidInputException;

/**
 * Does the data plane obey the route? Compares the canary's observed share of the two versions'
 * requests with the share the route declares, by the exact two-sided binomial test: every request
 * is a coin that lands on the canary with the declared probability. A mismatch needs both a p-value
 * below {@code shareAlpha} and a difference beyond {@code maxShareDeviation} of the smaller
 * declared share, so that huge windows do not hold a rollout over a tenth of a point.
 */
final class ShareJudgement {
  /** The largest weight a route may carry. */
  private static final long MAX_WEIGHT = 1_000_000;

  /** The check, or null when there was nothing to compare with, and the reason to show. */
  record Outcome(ShareCheck check, Reason reason) {}

  private ShareJudgement() {}

  static Outcome judge(AnalyzeRequest request, Sample stable, Sample canary, Limits limits) {
    DeclaredSplit split;
    String from;
    if (request.declared() != null) {
      split = checked(request.declared());
      from = "declared";
    } else if (request.routeYaml() != null) {
      RouteSplit.Read read = RouteSplit.of(request.routeYaml(), request.canaryService());
      if (read.split() == null) {
        return new Outcome(
            null, Reason.none(Reason.SHARE_MISMATCH, "Share: not checked; " + read.why() + "."));
      }
      split = read.split();
      from = "routeYaml";
      if (split.stable() + split.canary() == 0) {
        return new Outcome(
            null,
            Reason.none(
                Reason.SHARE_MISMATCH,
                "Share: not checked; the route gives both "
                    + read.stableService()
                    + " and "
                    + read.canaryService()
                    + " weight 0, so it declares no split (matching requests get 500)."));
      }
    } else {
      return new Outcome(
          null,
          Reason.none(
              Reason.SHARE_MISMATCH,
              "Share: not checked; give declared weights or routeYaml to test that the canary"
                  + " gets the share the route gives it."));
    }
    long n = stable.requests() + canary.requests();
    double declared = (double) split.canary() / (split.stable() + split.canary());
    String weights =
        " (" + from + ": stable " + split.stable() + ", canary " + split.canary() + ")";
    if (n == 0) {
      return new Outcome(
          null,
          Reason.none(
              Reason.SHARE_MISMATCH,
              "Share: not checked; neither version served a request in the window."));
    }
    if (n > BinomialTest.MAX_TRIALS) {
      return new Outcome(
          null,
          Reason.none(
              Reason.SHARE_MISMATCH,
              "Share: not checked; "
                  + count(n)
                  + " requests are more than the 10^12 the exact test sums over."));
    }
    double observed = (double) canary.requests() / n;
    double logP = BinomialTest.logTwoSided(n, canary.requests(), declared);
    double p = Math.min(1.0, Math.exp(logP));
    double tolerance = limits.maxShareDeviation() * Math.min(declared, 1 - declared);
    boolean significant = logP < Math.log(limits.shareAlpha());
    boolean mismatch = significant && Math.abs(observed - declared) > tolerance;
    ShareCheck check =
        new ShareCheck(
            from,
            declared,
            observed,
            n,
            p,
            logP == Double.NEGATIVE_INFINITY ? null : logP / Math.log(10),
            limits.shareAlpha(),
            limits.maxShareDeviation(),
            mismatch);
    String got =
        "Share: the canary got "
            + share(observed)
            + " of "
            + count(n)
            + " requests ("
            + count(canary.requests())
            + "), "
            + share(declared)
            + " declared"
            + weights
            + ". If every request went to the canary with probability "
            + share(declared)
            + ", a count this far off would occur with p = "
            + pValue(p, logP)
            + " (exact binomial test, two-sided)";
    if (mismatch) {
      return new Outcome(
          check,
          Reason.hold(
              Reason.SHARE_MISMATCH,
              got
                  + ", below shareAlpha "
                  + number(limits.shareAlpha())
                  + ", and off by more than "
                  + share(limits.maxShareDeviation())
                  + " of the declared share: the split you declared is not the split you get. "
                  + causes(observed > declared, declared)
                  + " Hold until the shares agree; the rates below compare versions that did"
                  + " not get the traffic you meant."));
    }
    return new Outcome(
        check,
        Reason.none(
            Reason.SHARE_MISMATCH,
            got
                + (significant
                    ? ", below shareAlpha "
                        + number(limits.shareAlpha())
                        + ", but within "
                        + share(limits.maxShareDeviation())
                        + " of the declared share: the split is honoured."
                    : ", not below shareAlpha "
                        + number(limits.shareAlpha())
                        + ": the data plane honours the split.")));
  }

  private static String causes(boolean more, double declared) {
    if (declared == 0) {
      return "The canary's weight is 0 and it still gets traffic: the data plane keeps"
          + " forwarding to a weight-0 backend (reported for Envoy-based gateways and Istio),"
          + " the route change did not reach it, or traffic bypasses the route.";
    }
    return more
        ? "Weights not honoured, sessions pinned to the canary (session persistence or a"
            + " sticky cookie: each new user who lands on it stays), the wrong version label on"
            + " the pods, or other traffic reaching the canary's pods without the route."
        : "Weights not honoured, the wrong version label on the canary's pods, or traffic"
            + " bypassing the route (another route, a Service called directly, a mesh).";
  }

  private static String pValue(double p, double logP) {
    if (logP == Double.NEGATIVE_INFINITY) {
      return "0";
    }
    return p > 0 ? probability(p) : "10^" + number(logP / Math.log(10)) + " (below 1e-300)";
  }

  private static DeclaredSplit checked(DeclaredSplit declared) {
    long stable = weight("declared.stable", declared.stable());
    long canary = weight("declared.canary", declared.canary());
    if (stable + canary == 0) {
      throw new InvalidInputException(
          "declared", "stable 0, canary 0", "must give at least one version a weight above 0");
    }
    return new DeclaredSplit(stable, canary);
  }

  private static long weight(String field, Long value) {
    if (value == null) {
      throw InvalidInputException.missing(field);
    }
    if (value < 0 || value > MAX_WEIGHT) {
      throw new InvalidInputException(
          field, value, "must be a route weight from 0 to 1,000,000 (proportional, like 90/10)");
    }
    return value;
  }
}
