package dev.trafficengineer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficengineer.core.analysis.AnalyzeRequest;
import dev.trafficengineer.core.analysis.CanaryAnalysis;
import dev.trafficengineer.core.analysis.MonitoringQueries;
import dev.trafficengineer.core.analysis.PromQuery;
import dev.trafficengineer.core.analysis.QueriesRequest;
import dev.trafficengineer.core.analysis.Verdict;
import dev.trafficengineer.core.analysis.VersionStats;
import dev.trafficengineer.core.input.InvalidInputException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Against a real Prometheus over the backfilled fixture {@code canary-window.om}: in task-api the
 * lesson's 3 stable against 12 canary errors per 100 requests (and a canary p99 2.5 times
 * stable's); in shop its 3 against 2 per 1000. The window ends at the fixture's last sample.
 */
@DisplayName("PrometheusCounts against a real Prometheus")
class PrometheusCountsTest {
  private static final String END = "2023-11-14T22:13:20Z";

  @RegisterExtension
  static final PrometheusServer PROMETHEUS =
      new PrometheusServer("analysis/prometheus/canary-window.om");

  @Test
  @DisplayName("reads the lesson's 3 vs 12 errors and both p99s, and the verdict is rollback")
  void readsTaskApi() {
    AnalyzeRequest resolved = PrometheusCounts.resolve(request(PROMETHEUS.url(), "task-api", END));

    assertThat(resolved.stable()).isEqualTo(new VersionStats(100L, 3L, resolved.stable().p99Ms()));
    assertThat(resolved.canary().requests()).isEqualTo(100L);
    assertThat(resolved.canary().errors()).isEqualTo(12L);
    assertThat(resolved.stable().p99Ms())
        .isCloseTo(99.5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(resolved.canary().p99Ms())
        .isCloseTo(248.5, org.assertj.core.data.Offset.offset(1e-9));
    Verdict verdict = CanaryAnalysis.analyze(resolved);
    assertThat(verdict.verdict()).isEqualTo(Verdict.ROLLBACK);
    assertThat(verdict.source())
        .isEqualTo(
            "Prometheus at "
                + PROMETHEUS.url()
                + ", namespace task-api, window 5m ending at "
                + END);
  }

  @Test
  @DisplayName("reads the lesson's 3 vs 2 errors in 1000 requests, and the verdict is promote")
  void readsShop() {
    AnalyzeRequest resolved =
        PrometheusCounts.resolve(request(PROMETHEUS.url(), "shop", "1700000000"));

    assertThat(resolved.stable().requests()).isEqualTo(1000L);
    assertThat(resolved.stable().errors()).isEqualTo(3L);
    assertThat(resolved.canary().requests()).isEqualTo(1000L);
    assertThat(resolved.canary().errors()).isEqualTo(2L);
    assertThat(CanaryAnalysis.analyze(resolved).verdict()).isEqualTo(Verdict.PROMOTE);
  }

  @Test
  @DisplayName("a namespace without traffic reads as zero requests, so the verdict is hold")
  void emptyNamespace() {
    AnalyzeRequest resolved = PrometheusCounts.resolve(request(PROMETHEUS.url(), "empty", END));

    assertThat(resolved.canary()).isEqualTo(new VersionStats(0L, 0L, null));
    assertThat(CanaryAnalysis.analyze(resolved).verdict()).isEqualTo(Verdict.HOLD);
  }

  @Test
  @DisplayName("a query Prometheus refuses is reported with its error")
  void refusedQuery() {
    assertThatThrownBy(
            () -> PrometheusCounts.resolve(request(PROMETHEUS.url(), "task-api", "yesterday")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("time: \"yesterday\"");
  }

  @Test
  @DisplayName("every dashboard query monitoring_queries writes is valid PromQL with data")
  void dashboardQueriesRun() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (PromQuery query :
        MonitoringQueries.build(
                new QueriesRequest("task-api", null, null, null, null, null, null, null))
            .queries()) {
      URI uri =
          URI.create(
              PROMETHEUS.url()
                  + "/api/v1/query?time=1700000000&query="
                  + URLEncoder.encode(query.query(), StandardCharsets.UTF_8));
      String body =
          http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
              .body();

      assertThat(body).as(query.id()).startsWith("{\"status\":\"success\"").contains("\"value\"");
    }
  }

  private static AnalyzeRequest request(String url, String namespace, String time) {
    return new AnalyzeRequest(
        null,
        null,
        null,
        null,
        null,
        url,
        new QueriesRequest(namespace, null, null, null, null, null, null, null),
        time);
  }
}
