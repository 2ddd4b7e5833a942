package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.generate.AbTestGenerator;
import dev.trafficengineer.core.generate.AbTestRequest;
import dev.trafficengineer.core.generate.BlueGreenGenerator;
import dev.trafficengineer.core.generate.BlueGreenRequest;
import dev.trafficengineer.core.generate.DecisionFramework;
import dev.trafficengineer.core.generate.DecisionRequest;
import dev.trafficengineer.core.generate.HeaderMatchInput;
import dev.trafficengineer.core.generate.PremiumProtection;
import dev.trafficengineer.core.generate.PremiumRuleRequest;
import dev.trafficengineer.core.generate.RolloutPlanner;
import dev.trafficengineer.core.generate.RolloutRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Each command builds the request record from its flags and prints what core returns. */
class GeneratorCommandsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  @DisplayName("blue-green prints the generated route YAML")
  void blueGreen() {
    CliRun run =
        CliRun.of(
            "blue-green",
            "-n",
            "task-api",
            "--gateway",
            "task-api-gateway",
            "--blue-service",
            "task-api-blue",
            "--green-service",
            "task-api-green",
            "--port",
            "8000",
            "--active",
            "green",
            "--hostname",
            "api.example.com");

    BlueGreenRequest request =
        new BlueGreenRequest(
            "task-api",
            "task-api-gateway",
            "task-api-blue",
            "task-api-green",
            8000,
            "green",
            null,
            null,
            List.of("api.example.com"),
            null,
            null);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(BlueGreenGenerator.generate(request).yaml());
  }

  @Test
  @DisplayName("ab-test -o json is the result record, with the header type passed through")
  void abTestJson() {
    CliRun run =
        CliRun.of(
            "ab-test",
            "-n",
            "task-api",
            "--gateway",
            "task-api-gateway",
            "--stable-service",
            "task-api-stable",
            "--test-service",
            "task-api-b",
            "--port",
            "8000",
            "--header",
            "x-variant=b",
            "--header-type",
            "Exact",
            "-o",
            "json");

    AbTestRequest request =
        new AbTestRequest(
            "task-api",
            "task-api-gateway",
            "task-api-stable",
            "task-api-b",
            8000,
            new HeaderMatchInput("x-variant", "b", "Exact"),
            null,
            null,
            null,
            null,
            null);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(JSON.readTree(run.out()))
        .isEqualTo(JSON.valueToTree(AbTestGenerator.generate(request)));
  }

  @Test
  @DisplayName("premium -f - reads the route from stdin")
  void premiumFromStdin() {
    String route = CliRun.resource("lesson-canary.yaml");

    CliRun run =
        CliRun.withInput(
            route.getBytes(StandardCharsets.UTF_8),
            "premium",
            "-f",
            "-",
            "--service",
            "task-api-stable");

    PremiumRuleRequest request = new PremiumRuleRequest(route, "task-api-stable", null, null);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(PremiumProtection.add(request).yaml());
  }

  @Test
  @DisplayName("premium -f FILE reads the route from the file")
  void premiumFromFile(@TempDir Path dir) throws IOException {
    String route = CliRun.resource("lesson-canary.yaml");
    Path file = Files.writeString(dir.resolve("route.yaml"), route);

    CliRun run =
        CliRun.of(
            "premium",
            "-f",
            file.toString(),
            "--service",
            "task-api-stable",
            "--header",
            "x-plan=gold");

    PremiumRuleRequest request =
        new PremiumRuleRequest(
            route, "task-api-stable", new HeaderMatchInput("x-plan", "gold", null), null);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(PremiumProtection.add(request).yaml());
  }

  @Test
  @DisplayName("plan -o json is the rollout plan for the given stages")
  void planJson() {
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
            "--stages",
            "10,50,100",
            "-o",
            "json");

    RolloutRequest request =
        new RolloutRequest(
            "task-api",
            "task-api-gateway",
            "task-api-stable",
            "task-api-canary",
            8000,
            List.of(10, 50, 100),
            null,
            "task-api-canary",
            "/api/",
            null,
            null,
            null,
            null);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(JSON.readTree(run.out())).isEqualTo(JSON.valueToTree(RolloutPlanner.plan(request)));
  }

  @Test
  @DisplayName("plan prints a readable plan by default")
  void planText() {
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
            "8000");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("canary 5%, stable 95%").contains("After the rollout:");
  }

  @Test
  @DisplayName("decide passes yes, no and unknown through and prints the decision as JSON")
  void decideJson() {
    CliRun run = CliRun.of("decide", "--database-migration", "--no-specific-users", "-o", "json");

    DecisionRequest request = new DecisionRequest(null, false, true, null, null, null, null);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(JSON.readTree(run.out()))
        .isEqualTo(JSON.valueToTree(DecisionFramework.decide(request)));
  }

  @Test
  @DisplayName("decide prints a readable decision by default")
  void decideText() {
    CliRun run = CliRun.of("decide", "--instant-switch");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("Pattern: ");
  }
}
