package dev.trafficengineer.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.input.InputRules;
import dev.trafficengineer.core.patch.ShellCommand;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("CanaryGenerator")
class CanaryGeneratorTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static CanaryRequest request(Integer canaryWeight, Integer stableWeight) {
    return new CanaryRequest(
        "task-api",
        "task-api-gateway",
        "task-api-stable",
        "task-api-canary",
        8000,
        canaryWeight,
        stableWeight,
        null,
        "/api/",
        null,
        null,
        null,
        null);
  }

  static JsonNode patchOf(ShellCommand command) {
    String text = command.command();
    String quoted = text.substring(text.indexOf(" -p '") + 4);
    return JSON.readTree(quoted.substring(1, quoted.length() - 1));
  }

  @Test
  @DisplayName("names the route after the stable Service: task-api-stable gives task-api-canary")
  void defaultName() {
    assertThat(CanaryGenerator.generate(request(5, null)).route())
        .isEqualTo("task-api/task-api-canary");
  }

  @Test
  @DisplayName("reports the split of the lesson's first stage as 95% and 5%")
  void splitInPercent() {
    RouteResult result = CanaryGenerator.generate(request(5, null));

    assertThat(result.split()).hasSize(1);
    assertThat(result.split().get(0).backends())
        .extracting(BackendShare::name, BackendShare::weight, BackendShare::percent)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("task-api-stable", 95, 95.0),
            org.assertj.core.groups.Tuple.tuple("task-api-canary", 5, 5.0));
  }

  @Test
  @DisplayName("prints server dry-run, apply, verify and rollback, in that order")
  void commands() {
    List<ShellCommand> commands = CanaryGenerator.generate(request(5, null)).commands();

    assertThat(commands)
        .extracting(ShellCommand::command)
        .satisfiesExactly(
            c ->
                assertThat(c)
                    .isEqualTo("kubectl apply --dry-run=server -f task-api-canary-route.yaml"),
            c -> assertThat(c).isEqualTo("kubectl apply -f task-api-canary-route.yaml"),
            c -> assertThat(c).startsWith("kubectl get httproute task-api-canary -n task-api "),
            c -> assertThat(c).startsWith("kubectl patch httproute task-api-canary -n task-api "));
    assertThat(commands).noneMatch(ShellCommand::destructive);
  }

  @Nested
  @DisplayName("with proportional weights")
  class Proportional {
    @Test
    @DisplayName("950000 and 50000 send 95% and 5%")
    void split() {
      RouteResult result = CanaryGenerator.generate(request(50000, 950000));

      assertThat(result.split().get(0).backends())
          .extracting(BackendShare::percent)
          .containsExactly(95.0, 5.0);
    }

    @Test
    @DisplayName("rolls back with weights the API server accepts, even when the sum is large")
    void rollbackWeightsStayValid() {
      RouteResult result = CanaryGenerator.generate(request(500000, 600000));
      JsonNode patch = patchOf(result.commands().get(result.commands().size() - 1));

      for (JsonNode op : patch) {
        if (op.get("path").asString().endsWith("/weight")) {
          assertThat(op.get("value").asInt()).isBetween(0, InputRules.MAX_WEIGHT);
        }
      }
    }
  }

  @Nested
  @DisplayName("with a protected header")
  class Protected {
    @Test
    @DisplayName("rolls back the split rule (rule 1), not the protection rule")
    void rollbackTargetsTheSplitRule() {
      CanaryRequest request =
          new CanaryRequest(
              "task-api",
              "task-api-gateway",
              "task-api-stable",
              "task-api-canary",
              8000,
              10,
              null,
              "task-api-combined",
              "/api/",
              null,
              null,
              null,
              new HeaderMatchInput("x-api-tier", "premium"));
      RouteResult result = CanaryGenerator.generate(request);
      JsonNode patch = patchOf(result.commands().get(result.commands().size() - 1));

      assertThat(patch.findValuesAsString("path"))
          .allMatch(path -> path.startsWith("/spec/rules/1/"));
      assertThat(result.notes()).anyMatch(note -> note.contains("x-api-tier: premium"));
    }
  }
}
