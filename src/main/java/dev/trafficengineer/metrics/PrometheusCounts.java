package dev.trafficengineer.metrics;

import dev.trafficengineer.core.analysis.AnalyzeRequest;
import dev.trafficengineer.core.analysis.Bucket;
import dev.trafficengineer.core.analysis.MonitoringQueries;
import dev.trafficengineer.core.analysis.QueriesRequest;
import dev.trafficengineer.core.analysis.VersionQueries;
import dev.trafficengineer.core.analysis.VersionStats;
import dev.trafficengineer.core.input.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Fills a canary analysis with what Prometheus measured over the window: requests and 5xx errors
 * per version (with {@code increase}, rounded to whole requests), each version's p99 in
 * milliseconds and its histogram's bucket counts. The queries are the core's, so what is measured
 * is what {@code monitoring_queries} shows.
 */
public final class PrometheusCounts {
  private static final int MAX_URL = 2048;
  private static final int MAX_BUCKETS = 64;

  private PrometheusCounts() {}

  /** The request itself when it has no {@code prometheusUrl}; otherwise one with the counts. */
  public static AnalyzeRequest resolve(AnalyzeRequest request) {
    if (request.prometheusUrl() == null) {
      return request;
    }
    if (request.stable() != null || request.canary() != null) {
      throw new InvalidInputException(
          PrometheusClient.FIELD,
          request.prometheusUrl(),
          "cannot be combined with stable and canary counts: give either the counts or the"
              + " Prometheus to read them from");
    }
    QueriesRequest queries =
        request.queries() == null
            ? new QueriesRequest(null, null, null, null, null, null, null, null)
            : request.queries();
    PrometheusClient prometheus =
        new PrometheusClient(
            request.prometheusUrl(), base(request.prometheusUrl()), time(request.time()));
    return request.withCounts(
        measure(prometheus, queries, MonitoringQueries.stableVersion(queries)),
        measure(prometheus, queries, MonitoringQueries.canaryVersion(queries)));
  }

  private static VersionStats measure(
      PrometheusClient prometheus, QueriesRequest queries, String version) {
    VersionQueries query = MonitoringQueries.forVersion(queries, version);
    long requests = count(prometheus.value(query.requests()));
    // increase() extrapolates each series on its own, so the 5xx share can round one above the
    // total; it is a part of the total, never more.
    long errors = Math.min(requests, count(prometheus.value(query.errors())));
    Double p99Seconds = prometheus.value(query.p99Seconds());
    Double p99Ms = p99Seconds == null || !Double.isFinite(p99Seconds) ? null : p99Seconds * 1000.0;
    return new VersionStats(requests, errors, p99Ms, buckets(prometheus, query.buckets()));
  }

  /**
   * The histogram's cumulative counts by bound, in bound order, or null when the version has no
   * histogram in the window. increase() extrapolates each bucket series on its own, so rounding can
   * leave a bucket one below the one before it; cumulative counts never fall, so each is raised to
   * its predecessor.
   */
  private static List<Bucket> buckets(PrometheusClient prometheus, String query) {
    Map<String, Double> byLe = prometheus.byLabel(query, "le", MAX_BUCKETS);
    if (byLe.isEmpty() || !byLe.containsKey("+Inf")) {
      return null;
    }
    List<Map.Entry<String, Double>> sorted = new ArrayList<>(byLe.entrySet());
    sorted.sort(Comparator.comparingDouble(entry -> bound(entry.getKey())));
    List<Bucket> buckets = new ArrayList<>();
    long previous = 0;
    for (Map.Entry<String, Double> entry : sorted) {
      previous = Math.max(previous, count(entry.getValue()));
      buckets.add(new Bucket(entry.getKey(), previous));
    }
    return buckets;
  }

  private static double bound(String le) {
    if ("+Inf".equals(le)) {
      return Double.POSITIVE_INFINITY;
    }
    try {
      return Double.parseDouble(le);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          PrometheusClient.FIELD, le, "answered a bucket whose le is not a number");
    }
  }

  /** No series means no requests of that kind in the window. */
  private static long count(Double value) {
    if (value == null || !Double.isFinite(value) || value < 0) {
      return 0;
    }
    return Math.round(value);
  }

  private static URI base(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new InvalidInputException(
          PrometheusClient.FIELD, url, "is not a URL: " + e.getReason());
    }
    if (url.length() > MAX_URL
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || uri.getRawUserInfo() != null) {
      throw new InvalidInputException(
          PrometheusClient.FIELD,
          url,
          "must be an http:// or https:// URL of a Prometheus server, with a host and no query,"
              + " fragment or credentials, e.g. http://127.0.0.1:9090");
    }
    return uri;
  }

  /** RFC 3339 or Unix seconds, the two forms Prometheus accepts for {@code time}. */
  private static String time(String time) {
    if (time == null || time.matches("[0-9]{1,12}(\\.[0-9]{1,3})?")) {
      return time;
    }
    try {
      OffsetDateTime.parse(time);
      return time;
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "time",
          time,
          "is not an evaluation time Prometheus accepts (RFC 3339 such as 2024-05-01T12:00:00Z,"
              + " or Unix seconds)");
    }
  }
}
