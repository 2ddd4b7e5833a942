package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.TestFiles;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
  @DisplayName("a GRPCRoute file: the same result as rollback_patch, commands on the grpcroute")
  void grpcRoute() {
    String route = TestFiles.read("golden/grpc/grpc-canary-protect-premium.yaml");

    CliRun text =
        CliRun.of(
            "rollback",
            "-f",
            TestFiles.path("golden/grpc/grpc-canary-protect-premium.yaml").toString());
    CliRun json =
        CliRun.withInput(
            route.getBytes(StandardCharsets.UTF_8),
            "rollback",
            "-f",
            "-",
            "--kind",
            "grpc",
            "-o",
            "json");

    RollbackResult result = Rollback.compute(new RollbackRequest(route, null, null, null, null));
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out())
        .startsWith("GRPCRoute orders/orders-canary (target stable, Service orders-canary)\n")
        .contains(result.command());
    assertThat(json.exitCode()).as(json.err()).isZero();
    assertThat(JSON.readTree(json.out())).isEqualTo(JSON.valueToTree(result));
  }

  @Test
  @DisplayName("--kind http with a GRPCRoute file is refused, exit 2")
  void kindMismatch() {
    CliRun run =
        CliRun.of(
            "rollback",
            "-f",
            TestFiles.path("golden/grpc/grpc-canary-protect-premium.yaml").toString(),
            "--kind",
            "http");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("kind: \"HTTPRoute\" differs from the route's kind (GRPCRoute)");
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

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "golden/lesson-blue-green-green-active.yaml, cli-blue-green-green-active",
    "rollback/myapp-v1-live.yaml, cli-myapp-v1-live"
  })
  @DisplayName(
      "not certain which side is production: the choices on stderr, nothing on stdout, exit 2")
  void refusedWithChoices(String fixture, String expected) {
    CliRun run = CliRun.of("rollback", "-f", TestFiles.path(fixture).toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo(TestFiles.read("rollback/refusals/" + expected + ".txt"));
  }

  @Test
  @DisplayName("already rolled back: 'Nothing to change' with the split, no command, exit 0")
  void nothingToChange() {
    CliRun run =
        CliRun.of(
            "rollback", "-f", TestFiles.path("golden/lesson-canary-rollback-0.yaml").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "\nNothing to change: task-api-canary already has weight 0 in every rule that can"
                + " send elsewhere.\nThe route now:\n  - rule 0: task-api-stable 100,"
                + " task-api-canary 0\n")
        .doesNotContain("kubectl patch", "kubectl delete");
  }

  @Test
  @DisplayName("--to: the explicit choice, with the capacity warning; -o json is the tool's result")
  void to() {
    String file = TestFiles.path("rollback/myapp-v1-live.yaml").toString();

    CliRun text = CliRun.of("rollback", "-f", file, "--to", "myapp-v2");
    CliRun json = CliRun.of("rollback", "-f", file, "--to", "myapp-v2", "-o", "json");

    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out())
        .contains(
            "HTTPRoute shop/myapp (target to, Service myapp-v2)\n"
                + "  - rule 0: myapp-v1 100 -> 0, myapp-v2 0 -> 100\n",
            "Capacity: myapp-v2 would take 100 % from 0 % of rule 0's traffic");
    RollbackResult result =
        Rollback.compute(
            new RollbackRequest(
                TestFiles.read("rollback/myapp-v1-live.yaml"), null, null, null, null, "myapp-v2"));
    assertThat(JSON.readTree(json.out())).isEqualTo(JSON.valueToTree(result));
  }

  @Test
  @DisplayName("--to with --target: refused, naming --to, exit 2")
  void toIsUsedAlone() {
    CliRun run =
        CliRun.of(
            "rollback",
            "-f",
            TestFiles.path("rollback/myapp-v1-live.yaml").toString(),
            "--to",
            "myapp-v1",
            "--target",
            "stable");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("error: --to: \"myapp-v1\" is used alone");
  }
}
