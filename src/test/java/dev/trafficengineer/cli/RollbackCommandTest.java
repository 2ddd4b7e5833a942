package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.rollback.Rollback;
import dev.trafficengineer.core.rollback.RollbackRequest;
import dev.trafficengineer.core.rollback.RollbackResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("rollback command")
class RollbackCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  @DisplayName("text: the command to run first, then verify, then the clean-up marked DESTRUCTIVE")
  void textOrder(@TempDir Path dir) throws IOException {
    String route = CliRun.resource("lesson-canary.yaml");
    Path file = Files.writeString(dir.resolve("route.yaml"), route);

    CliRun run = CliRun.of("rollback", "-f", file.toString());

    RollbackResult result = Rollback.compute(new RollbackRequest(route, null, null, null, null));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    String out = run.out();
    int command = out.indexOf(result.command());
    int dryRun = out.indexOf(result.dryRunCommand());
    int verify = out.indexOf(result.verify());
    int cleanup = out.indexOf("DESTRUCTIVE");
    assertThat(command).isPositive();
    assertThat(command).isLessThan(dryRun);
    assertThat(dryRun).isLessThan(verify);
    assertThat(verify).isLessThan(cleanup);
    assertThat(out).contains("kubectl delete deployment task-api-canary -n task-api");
  }

  @Test
  @DisplayName("-f - -o json prints the result record, as the MCP tool returns it")
  void json() {
    String route = CliRun.resource("lesson-canary.yaml");

    CliRun run =
        CliRun.withInput(
            route.getBytes(StandardCharsets.UTF_8),
            "rollback",
            "-f",
            "-",
            "--canary-service",
            "task-api-canary",
            "--target",
            "canary",
            "-o",
            "json");

    RollbackResult result =
        Rollback.compute(new RollbackRequest(route, null, null, "task-api-canary", "canary"));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(JSON.readTree(run.out())).isEqualTo(JSON.valueToTree(result));
    assertThat(JSON.readTree(run.out()).get("patchType").asString()).isEqualTo("json");
  }

  @Test
  @DisplayName("without -f: the two-step command and the warning, exit 0")
  void withoutRoute() {
    CliRun run =
        CliRun.of(
            "rollback",
            "--name",
            "task-api-canary",
            "-n",
            "task-api",
            "--canary-service",
            "task-api-canary");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "kubectl get httproute task-api-canary -n task-api -o yaml"
                + " > task-api-canary-route.yaml && traffic-engineer rollback")
        .contains("Without the route nothing can be guarded");
  }

  @Test
  @DisplayName("a refused input is one error line naming the flag, exit 2")
  void refused() {
    CliRun run =
        CliRun.of(
            "rollback", "--name", "task-api-canary", "-n", "task-api", "--canary-service", "Bad;");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines()).singleElement().asString().startsWith("error: --canary-service:");
  }
}
