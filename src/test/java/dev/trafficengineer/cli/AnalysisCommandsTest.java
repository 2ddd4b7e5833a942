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
