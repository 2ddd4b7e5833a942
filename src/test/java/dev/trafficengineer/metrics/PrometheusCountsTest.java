package dev.trafficengineer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import dev.trafficengineer.core.analysis.AnalyzeRequest;
import dev.trafficengineer.core.analysis.Bucket;
import dev.trafficengineer.core.analysis.CanaryAnalysis;
import dev.trafficengineer.core.analysis.DeclaredSplit;
import dev.trafficengineer.core.analysis.MonitoringQueries;
import dev.trafficengineer.core.analysis.PromQuery;
import dev.trafficengineer.core.analysis.QueriesRequest;
import dev.trafficengineer.core.analysis.Reason;
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
 * stable's); in shop its 3 against 2 per 1000; in split a canary that got 100 of 25,000 requests;
 * in silent a canary whose counter never moves; in tail equal p99s over a canary with 15 of 2,000
 * requests slower than 2.5 s. The window ends at the fixture's last sample.
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

    assertThat(resolved.stable().requests()).isEqualTo(100L);
    assertThat(resolved.stable().errors()).isEqualTo(3L);
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

    assertThat(resolved.canary()).isEqualTo(new VersionStats(0L, 0L, null, null));
    assertThat(CanaryAnalysis.analyze(resolved).verdict()).isEqualTo(Verdict.HOLD);
  }

  @Test
  @DisplayName(
      "a mismatched split: 100 of 25,000 requests against 10% declared holds, share-mismatch")
  void mismatchedSplit() {
    AnalyzeRequest resolved =
        PrometheusCounts.resolve(
            request(PROMETHEUS.url(), "split", END, new DeclaredSplit(90L, 10L)));

    assertThat(resolved.stable().requests()).isEqualTo(24_900L);
    assertThat(resolved.canary().requests()).isEqualTo(100L);
    Verdict verdict = CanaryAnalysis.analyze(resolved);
    assertThat(verdict.verdict()).isEqualTo(Verdict.HOLD);
    assertThat(verdict.cause()).isEqualTo(Reason.SHARE_MISMATCH);
    assertThat(verdict.share().observedCanaryShare()).isEqualTo(0.004);
    assertThat(verdict.reasons().get(0).text())
        .startsWith("Share: the canary got 0.4% of 25,000 requests (100), 10% declared");
  }

  @Test
  @DisplayName("a silent canary: its counter never moves, the verdict holds with no-traffic")
  void silentCanary() {
    AnalyzeRequest resolved =
        PrometheusCounts.resolve(
            request(PROMETHEUS.url(), "silent", END, new DeclaredSplit(95L, 5L)));

    assertThat(resolved.canary().requests()).isZero();
    Verdict verdict = CanaryAnalysis.analyze(resolved);
    assertThat(verdict.verdict()).isEqualTo(Verdict.HOLD);
    assertThat(verdict.cause()).isEqualTo(Reason.NO_TRAFFIC);
    assertThat(verdict.reasons().get(0).text())
        .startsWith(
            "Traffic: no request reached the canary in the window. At the declared 5%"
                + " about 250 of the 5,000 requests should have.");
  }

  @Test
  @DisplayName("a latency regression hidden in the tail: equal p99s, the buckets roll it back")
  void tailRegression() {
    AnalyzeRequest resolved = PrometheusCounts.resolve(request(PROMETHEUS.url(), "tail", END));

    assertThat(resolved.canary().buckets())
        .extracting(Bucket::le, Bucket::count)
        .containsExactly(
            tuple("0.05", 1600L),
            tuple("0.1", 1900L),
            tuple("0.25", 1980L),
            tuple("0.5", 1981L),
            tuple("1", 1982L),
            tuple("2.5", 1985L),
            tuple("+Inf", 2000L));
    Verdict verdict = CanaryAnalysis.analyze(resolved);
    assertThat(verdict.numbers().latencyRatio()).isCloseTo(1.0, offset(1e-9));
    assertThat(verdict.verdict()).isEqualTo(Verdict.ROLLBACK);
    assertThat(verdict.cause()).isEqualTo(Reason.LATENCY);
    assertThat(verdict.tail().regression()).isTrue();
    assertThat(verdict.reasons().get(0).text())
        .contains("Slower than 1 s: canary 0.90% (18), stable 0.01% (1), 90 times");
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
    return request(url, namespace, time, null);
  }

  private static AnalyzeRequest request(
      String url, String namespace, String time, DeclaredSplit declared) {
    return new AnalyzeRequest(
        null,
        null,
        null,
        null,
        null,
        url,
        new QueriesRequest(namespace, null, null, null, null, null, null, null),
        time,
        declared);
  }
}
