package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.TestFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code -o svg} on simulate, plan, validate and rollback: the picture alone on stdout, nothing on
 * stderr, and the exit code the text output would have.
 */
@DisplayName("-o svg")
class PictureCommandsTest {
  private static final String COMBINED = TestFiles.read("golden/lesson-combined.yaml");

  private static CliRun withRoute(String yaml, String... args) {
    return CliRun.withInput(yaml.getBytes(StandardCharsets.UTF_8), args);
  }

  private static void assertSvg(CliRun run, int exitCode) {
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(exitCode);
    assertThat(run.out()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ");
    assertThat(run.out()).endsWith("</svg>\n");
  }

  @Test
  @DisplayName("simulate draws the request it was given and the rule that takes it")
  void simulate() {
    CliRun run =
        withRoute(
            COMBINED,
            "simulate",
            "-f",
            "-",
            "--path",
            "/api/tasks",
            "-H",
            "x-api-tier:premium",
            "-o",
            "svg");

    assertSvg(run, 0);
    assertThat(run.out())
        .contains("GET /api/tasks with x-api-tier: premium", "-&gt; #1 rule 0, 200")
        .doesNotContain("GET /api<");
  }

  @Test
  @DisplayName("plan draws one section per stage; the lesson's plan is a golden file")
  void plan() {
    CliRun run =
        CliRun.of(
            "plan",
            "-n",
            "task-api",
            "--gateway",
            "task-api-gateway",
            "--stable-service",
            "task-api-stable",
            "--canary-service",
            "task-api-canary",
            "--port",
            "8000",
            "--name",
            "task-api-canary",
            "--path-prefix",
            "/api/",
            "--protect-header",
            "x-api-tier=premium",
            "-o",
            "svg");

    assertSvg(run, 0);
    assertThat(run.out())
        .contains(
            "Stage 1 of 4: canary 5%, stable 95%",
            "Stage 4 of 4: canary 100%, stable 0%",
            "task-api-canary  5% (weight 5)",
            "reaches only task-api-stable (proved over all requests)");
    Path golden = TestFiles.path("picture/lesson-plan.svg");
    if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
      TestFiles.write(golden, run.out());
    }
    assertThat(run.out()).isEqualTo(TestFiles.read(golden));
  }

  @Test
  @DisplayName("validate draws findings next to their rule and still exits 1 on errors")
  void validate() {
    CliRun run =
        withRoute(
            TestFiles.read("validate/te201-all-zero.yaml"), "validate", "-f", "-", "-o", "svg");

    assertSvg(run, 1);
    assertThat(run.out()).contains("TE201 error", "500: no backend", "Not valid");
  }

  @Test
  @DisplayName("rollback draws the route now and after the guarded patch")
  void rollback() {
    CliRun run =
        withRoute(
            COMBINED, "rollback", "-f", "-", "--canary-service", "task-api-canary", "-o", "svg");

    assertSvg(run, 0);
    String out = run.out();
    int after = out.indexOf("After the patch (target stable)", out.indexOf("</desc>"));
    assertThat(out.substring(0, after)).contains("task-api-canary  10% (weight 10)");
    assertThat(out.substring(after))
        .contains("task-api-canary  0% (weight 0)")
        .doesNotContain("task-api-canary  10%");
  }

  @Test
  @DisplayName("rollback --live cannot draw: -o svg is refused as a usage error")
  void rollbackLive() {
    CliRun run =
        CliRun.of("rollback", "--live", "--name", "task-api", "-n", "task-api", "-o", "svg");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("-o svg draws the route given with -f");
    assertThat(run.out()).isEmpty();
  }
}
