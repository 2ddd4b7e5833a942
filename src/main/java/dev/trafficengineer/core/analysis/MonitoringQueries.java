package dev.trafficengineer.core.analysis;

import dev.trafficengineer.core.input.InputRules;
import dev.trafficengineer.core.input.InvalidInputException;
import java.util.List;

/**
 * The lesson's PromQL (error rate, p99 latency and requests per second by version), filtered to one
 * namespace, plus the canary-against-stable ratios a rollout gate looks at. Every name is checked
 * by {@link PromNames} first, so the queries select exactly what they say.
 */
public final class MonitoringQueries {
  static final String DEFAULT_VERSION_LABEL = "version";
  static final String DEFAULT_REQUESTS_METRIC = "http_requests_total";
  static final String DEFAULT_DURATION_METRIC = "http_request_duration_seconds";
  static final String DEFAULT_STATUS_LABEL = "status";
  static final String DEFAULT_WINDOW = "5m";
  static final String DEFAULT_STABLE = "stable";
  static final String DEFAULT_CANARY = "canary";

  private MonitoringQueries() {}

  public static QueriesResult build(QueriesRequest request) {
    Series series = Series.of(request);
    return new QueriesResult(queries(series), CompareVersionsScript.of(series));
  }

  /** What the analysis reads from Prometheus for {@code version} over the window. */
  public static VersionQueries forVersion(QueriesRequest request, String version) {
    Series series = Series.of(request);
    String all = series.selector(series.requests(), version, false);
    String errors = series.selector(series.requests(), version, true);
    String buckets = series.selector(series.buckets(), version, false);
    return new VersionQueries(
        "sum(increase(" + all + "[" + series.window() + "]))",
        "sum(increase(" + errors + "[" + series.window() + "]))",
        "histogram_quantile(0.99, sum(increase(" + buckets + "[" + series.window() + "])) by (le))",
        "sum(increase(" + buckets + "[" + series.window() + "])) by (le)");
  }

  /** The stable version's label value, after defaults and checks. */
  public static String stableVersion(QueriesRequest request) {
    return Series.of(request).stable();
  }

  /** The canary version's label value, after defaults and checks. */
  public static String canaryVersion(QueriesRequest request) {
    return Series.of(request).canary();
  }

  private static List<PromQuery> queries(Series s) {
    String w = "[" + s.window() + "]";
    String all = s.selector(s.requests(), null, false);
    String errors = s.selector(s.requests(), null, true);
    String buckets = s.selector(s.buckets(), null, false);
    String by = " by (" + s.versionLabel() + ")";
    return List.of(
        new PromQuery(
            "error-rate",
            "Error rate by version",
            "sum(rate(" + errors + w + "))" + by + "\n/\nsum(rate(" + all + w + "))" + by,
            "Share of requests answered with a 5xx status over the last "
                + s.window()
                + ", one series per version: 0.01 is 1%. Compare canary with stable; an empty"
                + " result for a version means it served no requests in the window."),
        new PromQuery(
            "p99-latency",
            "p99 latency by version",
            "histogram_quantile(0.99,\n  sum(rate("
                + buckets
                + w
                + ")) by ("
                + s.versionLabel()
                + ", le)\n)",
            "The latency, in seconds, that 99% of requests stayed under during the last "
                + s.window()
                + ", per version (estimated from histogram buckets, so only as precise as the"
                + " bucket bounds)."),
        new PromQuery(
            "requests-per-second",
            "Requests per second by version",
            "sum(rate(" + all + w + "))" + by,
            "Traffic each version serves. The canary's share of the total should match its"
                + " route weight; a canary with almost no traffic has not been tested yet."),
        new PromQuery(
            "request-share",
            "Share of requests by version",
            "sum(rate(" + all + w + "))" + by + "\n/\nscalar(sum(rate(" + all + w + ")))",
            "Each version's share of the namespace's requests over the last "
                + s.window()
                + ": 0.1 is 10%. It should match the route's weights; a canary far below its"
                + " weight means the weights are not honoured, the version label is wrong, or"
                + " traffic bypasses the route, and far above it often means pinned sessions."
                + " analyze_canary tests it against declared weights (exact binomial test)."),
        new PromQuery(
            "latency-buckets",
            "Latency histogram by version",
            "sum(increase(" + buckets + w + "))" + " by (" + s.versionLabel() + ", le)",
            "Requests at most as slow as each bucket bound (le, seconds) over the last "
                + s.window()
                + ", per version, cumulative. analyze_canary compares the tails from these"
                + " counts: the share of requests slower than each bound in stable's slowest 10%,"
                + " which a p99 interpolated inside one bucket can hide."),
        new PromQuery(
            "error-rate-ratio",
            "Canary error rate divided by stable error rate",
            ratio(
                "sum(rate(" + s.selector(s.requests(), s.canary(), true) + w + "))",
                "sum(rate(" + s.selector(s.requests(), s.canary(), false) + w + "))",
                "sum(rate(" + s.selector(s.requests(), s.stable(), true) + w + "))",
                "sum(rate(" + s.selector(s.requests(), s.stable(), false) + w + "))"),
            "1 means the canary fails as often as stable; 2 means twice as often (the lesson's"
                + " rule of thumb for a rollback). +Inf or NaN means stable had no 5xx at all,"
                + " and an empty result means the canary had none: a ratio says nothing on"
                + " small counts, so decide with analyze_canary, which tests the difference."),
        new PromQuery(
            "latency-ratio",
            "Canary p99 latency divided by stable p99 latency",
            "histogram_quantile(0.99, sum(rate("
                + s.selector(s.buckets(), s.canary(), false)
                + w
                + ")) by (le))\n/\nhistogram_quantile(0.99, sum(rate("
                + s.selector(s.buckets(), s.stable(), false)
                + w
                + ")) by (le))",
            "1 means the canary is as fast as stable at the 99th percentile; 1.5 means its p99"
                + " is 50% slower."));
  }

  private static String ratio(
      String canaryErrors, String canaryAll, String stableErrors, String stableAll) {
    return "(\n  "
        + canaryErrors
        + "\n  /\n  "
        + canaryAll
        + "\n)\n/\n(\n  "
        + stableErrors
        + "\n  /\n  "
        + stableAll
        + "\n)";
  }

  /** The checked names; every query is written from these and nothing else. */
  record Series(
      String namespace,
      String versionLabel,
      String requests,
      String buckets,
      String durationMetric,
      String statusLabel,
      String window,
      String stable,
      String canary) {
    static Series of(QueriesRequest request) {
      if (request == null) {
        throw InvalidInputException.missing("namespace");
      }
      String duration =
          PromNames.metric("durationMetric", request.durationMetric(), DEFAULT_DURATION_METRIC);
      // The histogram is named by its base name; a name given with its _bucket suffix means the
      // same histogram, and appending another suffix would select nothing.
      String base =
          duration.endsWith("_bucket")
              ? duration.substring(0, duration.length() - "_bucket".length())
              : duration;
      Series series =
          new Series(
              InputRules.namespace("namespace", request.namespace()),
              PromNames.label("versionLabel", request.versionLabel(), DEFAULT_VERSION_LABEL),
              PromNames.metric("requestsMetric", request.requestsMetric(), DEFAULT_REQUESTS_METRIC),
              base + "_bucket",
              base,
              PromNames.label("statusLabel", request.statusLabel(), DEFAULT_STATUS_LABEL),
              PromNames.window("window", request.window(), DEFAULT_WINDOW),
              PromNames.labelValue("stableVersion", request.stableVersion(), DEFAULT_STABLE),
              PromNames.labelValue("canaryVersion", request.canaryVersion(), DEFAULT_CANARY));
      if (series.stable().equals(series.canary())) {
        throw new InvalidInputException(
            "canaryVersion",
            series.canary(),
            "must differ from stableVersion, or both queries select the same pods");
      }
      if (series.versionLabel().equals(series.statusLabel())) {
        throw new InvalidInputException(
            "statusLabel", series.statusLabel(), "must differ from versionLabel");
      }
      return series;
    }

    /** {@code metric{namespace="ns"[,version="v"][,status=~"5.."]}}. */
    String selector(String metric, String version, boolean errorsOnly) {
      StringBuilder text = new StringBuilder(metric).append("{namespace=\"").append(namespace);
      text.append('"');
      if (version != null) {
        text.append(',').append(versionLabel).append("=\"").append(version).append('"');
      }
      if (errorsOnly) {
        text.append(',').append(statusLabel).append("=~\"5..\"");
      }
      return text.append('}').toString();
    }
  }
}
