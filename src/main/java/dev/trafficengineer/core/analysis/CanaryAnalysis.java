package dev.trafficengineer.core.analysis;

import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.rollback.Rollback;
import dev.trafficengineer.core.rollback.RollbackRequest;
import dev.trafficengineer.core.rollback.TargetRefused;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Judges a canary against stable from counts: roll back on evidence (a significant error test with
 * enough errors, the error-rate ceiling, the latency ratio), hold while the evidence is too thin,
 * promote when there is enough traffic and nothing against it. Every reason quotes the numbers it
 * used, so that a person can check it with a calculator.
 */
public final class CanaryAnalysis {
  /** Counts beyond this are not traffic from one window; it also keeps the sums exact. */
  private static final long MAX_COUNT = 1_000_000_000_000_000L;

  private CanaryAnalysis() {}

  public static Verdict analyze(AnalyzeRequest request) {
    Sample stable = Sample.of("stable", request.stable(), request.prometheusUrl() != null);
    Sample canary = Sample.of("canary", request.canary(), request.prometheusUrl() != null);
    Limits limits = Limits.of(request.thresholds());
    Optional<String> rollbackCommand = Optional.empty();
    String rollbackRefused = null;
    if (request.routeYaml() != null) {
      try {
        rollbackCommand =
            Optional.ofNullable(
                Rollback.compute(
                        new RollbackRequest(
                            request.routeYaml(), null, null, request.canaryService(), null))
                    .command());
      } catch (TargetRefused refused) {
        // The verdict stands on the counts; which backend to roll back to is the person's call.
        rollbackRefused = refused.getMessage();
      }
    }

    List<Reason> rollback = new ArrayList<>();
    List<Reason> hold = new ArrayList<>();
    List<Reason> passed = new ArrayList<>();

    // The data plane first: rates from a canary that got no traffic, or not the traffic the
    // route declares, say nothing about the canary.
    ShareJudgement.Outcome share = ShareJudgement.judge(request, stable, canary, limits);
    SampleSize size = TrafficJudgement.sampleSize(stable, canary, limits);
    Optional<Reason> traffic = TrafficJudgement.judge(canary, size, share.check(), limits);
    traffic.filter(r -> Reason.NO_TRAFFIC.equals(r.cause())).ifPresent(hold::add);
    (Verdict.HOLD.equals(share.reason().effect()) ? hold : passed).add(share.reason());
    traffic.filter(r -> Reason.THIN_TRAFFIC.equals(r.cause())).ifPresent(hold::add);

    double p =
        FisherExact.upperTail(
            stable.requests() + canary.requests(),
            stable.errors() + canary.errors(),
            canary.requests(),
            canary.errors());
    judgeErrors(stable, canary, p, limits, rollback, hold, passed);

    Double latencyRatio = latencyRatio(stable, canary);
    TailLatency.Outcome tail =
        TailLatency.judge(request.stable().buckets(), request.canary().buckets(), limits);
    if (canary.requests() >= limits.minRequests()) {
      judgeCeiling(stable, canary, limits, rollback, passed);
      judgeLatency(stable, canary, latencyRatio, limits, rollback, passed);
      if (tail.reason() != null) {
        (Verdict.ROLLBACK.equals(tail.reason().effect()) ? rollback : passed).add(tail.reason());
      }
    }
    if (stable.requests() == 0) {
      hold.add(
          Reason.hold(
              Reason.NO_TRAFFIC,
              "Baseline: stable served no requests, so there is nothing to compare the canary"
                  + " with. Check the version label and the namespace."));
    }

    String verdict =
        !rollback.isEmpty() ? Verdict.ROLLBACK : !hold.isEmpty() ? Verdict.HOLD : Verdict.PROMOTE;
    List<Reason> reasons = new ArrayList<>(rollback);
    reasons.addAll(hold);
    reasons.addAll(passed);
    if (Verdict.ROLLBACK.equals(verdict) && rollbackRefused != null) {
      reasons.add(
          Reason.none(
              Reason.ROUTE,
              "Route: no rollback command, because the canary is not certain (pass canaryService,"
                  + " or use rollback_patch with to): "
                  + rollbackRefused));
    } else if (Verdict.ROLLBACK.equals(verdict)
        && request.routeYaml() != null
        && rollbackCommand.isEmpty()) {
      reasons.add(
          Reason.none(
              Reason.ROUTE,
              "Route: no rule of routeYaml sends the canary traffic; there is nothing to shift."));
    }
    Numbers numbers =
        new Numbers(
            stable.requests(),
            stable.errors(),
            stable.rate(),
            canary.requests(),
            canary.errors(),
            canary.rate(),
            errorRateRatio(stable, canary),
            p,
            stable.p99Ms(),
            canary.p99Ms(),
            latencyRatio);
    return new Verdict(
        verdict,
        List.copyOf(reasons),
        numbers,
        limits.echo(),
        source(request),
        Verdict.ROLLBACK.equals(verdict) ? rollbackCommand.orElse(null) : null,
        Verdict.PROMOTE.equals(verdict) ? null : reasons.get(0).cause(),
        share.check(),
        size,
        tail.comparison());
  }

  private static void judgeErrors(
      Sample stable,
      Sample canary,
      double p,
      Limits limits,
      List<Reason> rollback,
      List<Reason> hold,
      List<Reason> passed) {
    long errors = stable.errors() + canary.errors();
    long requests = stable.requests() + canary.requests();
    String counts =
        "canary "
            + canary.describe()
            + ", stable "
            + stable.describe()
            + ratioText(stable, canary)
            + ". ";
    String test =
        "If both versions failed equally often, "
            + canary.errors()
            + " or more of the "
            + errors
            + " errors would land on the canary's "
            + canary.requests()
            + " of "
            + requests
            + " requests with probability p = "
            + probability(p)
            + " (Fisher's exact test, one-sided)";
    if (canary.requests() == 0) {
      passed.add(
          Reason.none(
              Reason.ERROR_RATE,
              "Error rate: the canary served no requests, so it has no error rate yet."));
    } else if (errors == 0) {
      passed.add(
          Reason.none(
              Reason.ERROR_RATE, "Error rate: " + counts + "Neither version failed a request."));
    } else if (p >= limits.alpha()) {
      passed.add(
          Reason.none(
              Reason.ERROR_RATE,
              "Error rate: "
                  + counts
                  + test
                  + ", not below alpha "
                  + number(limits.alpha())
                  + ": no evidence that the canary fails more often."));
    } else if (canary.errors() >= limits.minErrors()) {
      rollback.add(
          Reason.rollback(
              Reason.ERROR_RATE,
              "Error rate: "
                  + counts
                  + test
                  + ", below alpha "
                  + number(limits.alpha())
                  + ": the canary fails more often, and it is not bad luck."));
    } else {
      hold.add(
          Reason.hold(
              Reason.ERROR_RATE,
              "Error rate: "
                  + counts
                  + test
                  + ", below alpha "
                  + number(limits.alpha())
                  + ", but "
                  + canary.errors()
                  + (canary.errors() == 1 ? " canary error is" : " canary errors are")
                  + " fewer than the "
                  + limits.minErrors()
                  + " a rollback needs: against a small or zero baseline a single error looks"
                  + " significant. Watch it and wait for more traffic."));
    }
  }

  private static void judgeCeiling(
      Sample stable, Sample canary, Limits limits, List<Reason> rollback, List<Reason> passed) {
    double rate = canary.rate();
    String text =
        "Ceiling: the canary's error rate "
            + percent(rate)
            + (rate > limits.maxErrorRate() ? " is above" : " is within")
            + " the "
            + percent(limits.maxErrorRate())
            + " ceiling"
            + (stable.rate() == null ? "" : " (stable: " + percent(stable.rate()) + ")")
            + ".";
    (rate > limits.maxErrorRate() ? rollback : passed)
        .add(
            new Reason(
                Reason.ERROR_RATE,
                rate > limits.maxErrorRate() ? Verdict.ROLLBACK : Reason.NONE,
                text));
  }

  private static void judgeLatency(
      Sample stable,
      Sample canary,
      Double ratio,
      Limits limits,
      List<Reason> rollback,
      List<Reason> passed) {
    if (stable.p99Ms() == null || canary.p99Ms() == null) {
      passed.add(
          Reason.none(
              Reason.LATENCY,
              "Latency: not compared; give p99Ms for both versions to include it."));
      return;
    }
    if (ratio == null) {
      passed.add(
          Reason.none(
              Reason.LATENCY, "Latency: not compared; stable's p99 is 0 ms, so no ratio exists."));
      return;
    }
    boolean slower = ratio > limits.maxLatencyRatio();
    (slower ? rollback : passed)
        .add(
            new Reason(
                Reason.LATENCY,
                slower ? Verdict.ROLLBACK : Reason.NONE,
                "Latency: the canary's p99 of "
                    + number(canary.p99Ms())
                    + " ms is "
                    + number(ratio)
                    + " times stable's "
                    + number(stable.p99Ms())
                    + " ms, "
                    + (slower ? "above" : "within")
                    + " the limit of "
                    + number(limits.maxLatencyRatio())
                    + "."));
  }

  private static Double latencyRatio(Sample stable, Sample canary) {
    if (stable.p99Ms() == null || canary.p99Ms() == null || stable.p99Ms() == 0) {
      return null;
    }
    return canary.p99Ms() / stable.p99Ms();
  }

  private static Double errorRateRatio(Sample stable, Sample canary) {
    if (stable.rate() == null || canary.rate() == null || stable.rate() == 0) {
      return null;
    }
    return canary.rate() / stable.rate();
  }

  private static String ratioText(Sample stable, Sample canary) {
    Double ratio = errorRateRatio(stable, canary);
    return ratio == null ? "" : ": " + number(ratio) + " times stable's rate";
  }

  private static String source(AnalyzeRequest request) {
    if (request.prometheusUrl() == null) {
      return "counts as given";
    }
    QueriesRequest queries = request.queries();
    return "Prometheus at "
        + request.prometheusUrl()
        + ", namespace "
        + (queries == null ? null : queries.namespace())
        + ", window "
        + (queries == null || queries.window() == null
            ? MonitoringQueries.DEFAULT_WINDOW
            : queries.window())
        + (request.time() == null ? " ending now" : " ending at " + request.time());
  }

  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
  }

  /** Four significant digits without trailing zeros: 4, 2.497, 99.5, 1000. */
  static String number(double value) {
    return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  /** A share as a person reads it: 0.4%, 10%, 12.35%. */
  static String share(double fraction) {
    return number(fraction * 100) + "%";
  }

  /** A count with thousands separators: 25,000. */
  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  static String probability(double p) {
    return String.format(Locale.ROOT, "%.3g", p);
  }

  /** One version's counts, checked. */
  record Sample(long requests, long errors, Double p99Ms) {
    static Sample of(String field, VersionStats stats, boolean measured) {
      if (stats == null) {
        throw new InvalidInputException(
            field,
            null,
            measured
                ? "is required"
                : "is required: give {requests, errors} for both versions, or prometheusUrl");
      }
      long requests = count(field + ".requests", stats.requests());
      long errors = count(field + ".errors", stats.errors());
      if (errors > requests) {
        throw new InvalidInputException(
            field + ".errors", errors, "is more than the " + requests + " requests it is part of");
      }
      Double p99 = stats.p99Ms();
      if (p99 != null && !(p99 >= 0 && p99 < 1e9)) {
        throw new InvalidInputException(
            field + ".p99Ms", p99, "must be a latency in milliseconds, 0 or more");
      }
      return new Sample(requests, errors, p99);
    }

    private static long count(String field, Long value) {
      if (value == null) {
        throw InvalidInputException.missing(field);
      }
      if (value < 0 || value > MAX_COUNT) {
        throw new InvalidInputException(field, value, "must be a count from 0 to 10^18");
      }
      return value;
    }

    Double rate() {
      return requests == 0 ? null : (double) errors / requests;
    }

    String describe() {
      return errors
          + " of "
          + requests
          + " requests failed"
          + (requests == 0 ? "" : " (" + percent(rate()) + ")");
    }
  }
}
