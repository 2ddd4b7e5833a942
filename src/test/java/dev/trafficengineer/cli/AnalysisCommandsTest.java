package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("queries and analyze commands")
class AnalysisCommandsTest {

  @Test
  @DisplayName("analyze exits 1 on the lesson's 3 vs 12 errors and prints the rollback command")
  void rollbackExitsOne() {
    CliRun run =
        CliRun.withInput(
            CliRun.resource("lesson-canary.yaml").getBytes(StandardCharsets.UTF_8),
            "analyze",
            "--stable-requests",
            "100",
            "--stable-errors",
            "3",
            "--canary-requests",
            "100",
            "--canary-errors",
            "12",
            "-f",
            "-");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .startsWith("Verdict: ROLLBACK (counts as given)\n")
        .contains("p = 0.0143", "kubectl patch httproute task-api-canary -n task-api");
    assertThat(run.err()).isEmpty();
  }

  @Test
  @DisplayName("analyze exits 0 on the lesson's 3 vs 2 errors, with the verdict as JSON")
  void promoteExitsZero() {
    CliRun run =
        CliRun.of(
            "analyze",
            "--stable-requests=1000",
            "--stable-errors=3",
            "--canary-requests=1000",
            "--canary-errors=2",
            "-o",
            "json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("\"verdict\" : \"promote\"", "\"rollbackCommand\" : null");
  }

  @Test
  @DisplayName("analyze holds on a small sample, exit 0")
  void holdExitsZero() {
    CliRun run =
        CliRun.of(
            "analyze",
            "--stable-requests=100",
            "--stable-errors=3",
            "--canary-requests=5",
            "--canary-errors=1");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Verdict: HOLD");
  }

  @Test
  @DisplayName("analyze --declared: the same verdict and JSON as analyze_canary's declared")
  void declaredShares() {
    CliRun run =
        CliRun.of(
            "analyze",
            "--stable-requests=24900",
            "--stable-errors=25",
            "--canary-requests=100",
            "--canary-errors=0",
            "--declared",
            "stable=90,canary=10",
            "-o",
            "json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("\"cause\" : \"share-mismatch\"", "\"declaredFrom\" : \"declared\"");
  }

  @Test
  @DisplayName("analyze --route reads the declared weights from the route; buckets as flags")
  void routeAndBuckets() {
    CliRun run =
        CliRun.withInput(
            CliRun.resource("lesson-canary.yaml").getBytes(StandardCharsets.UTF_8),
            "analyze",
            "--stable-requests=18980",
            "--stable-errors=19",
            "--canary-requests=1020",
            "--canary-errors=1",
            "--stable-buckets=0.1=17000,0.5=18900,+Inf=18980",
            "--canary-buckets=0.1=900,0.5=1000,+Inf=1020",
            "--route",
            "-");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out())
        .startsWith("Verdict: ROLLBACK (counts as given)\nCause: latency\n")
        .contains("5% declared (routeYaml: stable 95, canary 5)", "Slower than 0.5 s");
  }

  @Test
  @DisplayName("analyze refuses --declared without both versions, naming the flag")
  void declaredRefused() {
    CliRun run =
        CliRun.of(
            "analyze",
            "--stable-requests=1",
            "--stable-errors=0",
            "--canary-requests=1",
            "--canary-errors=0",
            "--declared",
            "canary=10");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "error: --declared: \"canary=10\" must name both versions and nothing else:"
                + " stable=90,canary=10\n");
  }

  @Test
  @DisplayName("analyze refuses a missing count and an unreachable Prometheus with exit 2")
  void refusals() {
    CliRun missing = CliRun.of("analyze", "--stable-requests=100", "--canary-requests=5");
    CliRun refused =
        CliRun.of("analyze", "--prometheus-url", "ftp://127.0.0.1", "--namespace", "task-api");

    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("error: stable.errors: (missing) is required\n");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).startsWith("error: --prometheus-url: \"ftp://127.0.0.1\" must be");
  }

  @Test
  @DisplayName("queries prints the PromQL, --script only the compare-versions script")
  void queries() {
    CliRun text = CliRun.of("queries", "--namespace", "task-api");
    CliRun script = CliRun.of("queries", "-n", "task-api", "--script");
    CliRun injected = CliRun.of("queries", "-n", "task-api", "--window", "5m] or vector(1)");

    assertThat(text.exitCode()).isZero();
    assertThat(text.out()).startsWith("# Error rate by version (error-rate)\n");
    assertThat(script.out()).startsWith("#!/bin/sh\n").contains("--namespace 'task-api'");
    assertThat(injected.exitCode()).isEqualTo(2);
    assertThat(injected.err()).startsWith("error: --window: \"5m] or vector(1)\" is not");
  }
}
