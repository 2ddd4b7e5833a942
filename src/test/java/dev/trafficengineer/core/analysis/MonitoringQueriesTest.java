package dev.trafficengineer.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.input.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Goldens: {@code analysis/queries/<case>.request.json} gives {@code <case>.result.json}; {@code
 * -Dgolden.update=true} rewrites the results.
 */
@DisplayName("monitoring queries")
class MonitoringQueriesTest {
  private static final JsonMapper PRETTY =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"lesson-defaults", "custom-names"})
  @DisplayName("match their golden files")
  void golden(String name) {
    QueriesRequest request =
        TestFiles.JSON.readValue(
            TestFiles.read("analysis/queries/" + name + ".request.json"), QueriesRequest.class);
    String actual = PRETTY.writeValueAsString(MonitoringQueries.build(request)) + "\n";
    Path golden = TestFiles.path("analysis/queries/" + name + ".result.json");
    if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
      TestFiles.write(golden, actual);
    }
    assertThat(actual).isEqualTo(TestFiles.read(golden));
  }

  @Test
  @DisplayName("the lesson's error-rate query, filtered to the namespace")
  void lessonErrorRate() {
    QueriesResult result = MonitoringQueries.build(request("task-api"));

    assertThat(result.queries().get(0).query())
        .isEqualTo(
            "sum(rate(http_requests_total{namespace=\"task-api\",status=~\"5..\"}[5m])) by"
                + " (version)\n/\nsum(rate(http_requests_total{namespace=\"task-api\"}[5m])) by"
                + " (version)");
  }

  @Test
  @DisplayName("what analyze reads: counts with increase and p99 over the window")
  void versionQueries() {
    VersionQueries canary = MonitoringQueries.forVersion(request("task-api"), "canary");

    assertThat(canary.errors())
        .isEqualTo(
            "sum(increase(http_requests_total{namespace=\"task-api\",version=\"canary\",status=~\"5..\"}[5m]))");
    assertThat(canary.p99Seconds())
        .isEqualTo(
            "histogram_quantile(0.99, sum(increase(http_request_duration_seconds_bucket{namespace=\"task-api\",version=\"canary\"}[5m]))"
                + " by (le))");
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "namespace|task-api\"} or vector(1) #",
        "namespace|Task-API",
        "versionLabel|version=\"x\",foo",
        "versionLabel|__name__",
        "versionLabel|1version",
        "requestsMetric|http_requests_total{a=\"b\"}",
        "requestsMetric|up or vector(1)",
        "durationMetric|x)",
        "statusLabel|status!",
        "window|5m]) or vector(1)[5m",
        "window|5 m",
        "window|-5m",
        "window|0m",
        "window|",
        "stableVersion|stable\"}",
        "stableVersion|a b",
        "canaryVersion|canary\\\"",
        "canaryVersion|.canary"
      })
  @DisplayName("refuse every value that could change what a query selects")
  void refusesInjection(String field, String value) {
    assertThatThrownBy(() -> MonitoringQueries.build(with(field, value == null ? "" : value)))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field));
  }

  @Test
  @DisplayName("a window of 20,000 characters is refused, not a stack overflow")
  void longWindow() {
    // The duration pattern recursed once per unit: 1,000 of them overflowed the stack.
    assertThatThrownBy(() -> MonitoringQueries.build(with("window", "1s".repeat(10_000))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Prometheus duration");
  }

  @Test
  @DisplayName("refuse the same value for both versions")
  void sameVersions() {
    assertThatThrownBy(() -> MonitoringQueries.build(with("canaryVersion", "stable")))
        .hasMessage(
            "canaryVersion: \"stable\" must differ from stableVersion, or both queries select the"
                + " same pods");
  }

  @Test
  @DisplayName("the compare-versions script quotes every argument and exits with analyze")
  void script() {
    String script = MonitoringQueries.build(request("task-api")).compareVersionsScript();

    assertThat(script)
        .startsWith("#!/bin/sh\n")
        .contains(
            "exec traffic-engineer analyze --prometheus-url \"$PROMETHEUS_URL\" \\\n"
                + "  --namespace 'task-api' \\\n",
            "  --canary-version 'canary'\n");
  }

  private static QueriesRequest request(String namespace) {
    return new QueriesRequest(namespace, null, null, null, null, null, null, null);
  }

  private static QueriesRequest with(String field, String value) {
    return new QueriesRequest(
        field.equals("namespace") ? value : "task-api",
        field.equals("versionLabel") ? value : null,
        field.equals("requestsMetric") ? value : null,
        field.equals("durationMetric") ? value : null,
        field.equals("statusLabel") ? value : null,
        field.equals("window") ? value : null,
        field.equals("stableVersion") ? value : null,
        field.equals("canaryVersion") ? value : null);
  }
}
