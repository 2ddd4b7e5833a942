package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.validate.RouteValidator;
import dev.trafficengineer.core.validate.ValidateRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** validate: findings grouped by line, exit 1 on errors, the same JSON as validate_route. */
class ValidateCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  @DisplayName("a clean route exits 0 and says so")
  void cleanRoute() {
    String route = CliRun.resource("lesson-canary.yaml");

    CliRun run = CliRun.withInput(route.getBytes(StandardCharsets.UTF_8), "validate", "-f", "-");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("valid: no findings\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  @DisplayName("errors exit 1, grouped under the YAML line they are about")
  void findingsByLine() {
    String route = CliRun.resource("lesson-typos.yaml");

    CliRun run = CliRun.withInput(route.getBytes(StandardCharsets.UTF_8), "validate", "-f", "-");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEqualTo(CliRun.resource("lesson-typos.txt"));
  }

  @Test
  @DisplayName("-o json prints the validate_route result record")
  void json() {
    String route = CliRun.resource("lesson-typos.yaml");

    CliRun run =
        CliRun.withInput(
            route.getBytes(StandardCharsets.UTF_8), "validate", "-f", "-", "-o", "json");

    JsonNode expected = JSON.valueToTree(RouteValidator.validate(new ValidateRequest(route, null)));
    assertThat(JSON.readTree(run.out())).isEqualTo(expected);
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  @DisplayName("--split checks the intended split")
  void intendedSplit() {
    String route = CliRun.resource("lesson-canary.yaml");

    CliRun run =
        CliRun.withInput(
            route.getBytes(StandardCharsets.UTF_8),
            "validate",
            "-f",
            "-",
            "--namespace",
            "task-api",
            "--split",
            "task-api-stable=90",
            "--split",
            "task-api-canary=10");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("TE203");
  }

  @Test
  @DisplayName("a malformed --split is a usage error: exit 2, one line, nothing on stdout")
  void badSplit() {
    String route = CliRun.resource("lesson-canary.yaml");

    CliRun run =
        CliRun.withInput(
            route.getBytes(StandardCharsets.UTF_8), "validate", "-f", "-", "--split", "stable");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).singleElement().asString().startsWith("error: --split");
  }

  @Test
  @DisplayName("hostile input is a finding (TE101), not a crash")
  void aliasBomb() {
    String bomb =
        "a: &a [x, x, x, x, x, x, x, x, x]\n"
            + "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
            + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n";

    CliRun run = CliRun.withInput(bomb.getBytes(StandardCharsets.UTF_8), "validate", "-f", "-");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("TE101");
  }
}
