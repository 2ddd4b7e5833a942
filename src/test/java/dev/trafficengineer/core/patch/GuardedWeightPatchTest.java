package dev.trafficengineer.core.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.generate.BlueGreenGenerator;
import dev.trafficengineer.core.generate.BlueGreenRequest;
import dev.trafficengineer.core.generate.CanaryGenerator;
import dev.trafficengineer.core.generate.CanaryRequest;
import dev.trafficengineer.core.generate.RolloutPlanner;
import dev.trafficengineer.core.generate.RolloutRequest;
import dev.trafficengineer.core.yaml.HttpRouteMapping;
import dev.trafficengineer.core.yaml.YamlReader;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The guarded patches the generators print, proven with the real kubectl ({@code kubectl patch
 * --local}): on the route they were computed from they change exactly the intended weights; on a
 * route someone else changed in the meantime kubectl refuses them.
 */
@DisplayName("GuardedWeightPatch")
class GuardedWeightPatchTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> DRIFTS =
      List.of("backends-reordered", "rule-inserted", "weights-changed");

  /**
   * A patch the tools print: computed on golden route {@code source} (a lesson route), setting the
   * weights of rule 0; {@code drifted} names the fixtures under {@code patch/} that derive from it.
   */
  record Scenario(
      String name,
      String source,
      String drifted,
      List<Integer> weights,
      Supplier<String> printedCommand) {
    @Override
    public String toString() {
      return name;
    }

    HTTPRoute route() {
      return HttpRouteMapping.toRoute(YamlReader.read(TestFiles.read(sourceFile())).get(0).tree());
    }

    String sourceFile() {
      return "golden/" + source + ".yaml";
    }

    List<JsonPatchOperation> operations() {
      return GuardedWeightPatch.on(RouteRules.of(route())).rule(0, weights).operations();
    }

    String patchJson() {
      return JSON.writeValueAsString(operations());
    }
  }

  static Stream<Scenario> scenarios() {
    return Stream.of(
        new Scenario(
            "canary rollback from 5%",
            "lesson-canary-5",
            "canary-5",
            List.of(100, 0),
            () -> command(CanaryGenerator.generate(lessonCanary(5)).commands(), "Roll back")),
        new Scenario(
            "blue-green switch to green",
            "lesson-blue-green-blue-active",
            "blue-green-blue-active",
            List.of(0, 100),
            () -> command(BlueGreenGenerator.generate(lessonBlueGreen()).commands(), "Switch")),
        new Scenario(
            "blue-green switch back to blue",
            "lesson-blue-green-green-active",
            "blue-green-green-active",
            List.of(100, 0),
            () ->
                command(
                    BlueGreenGenerator.generate(lessonBlueGreen()).commands(),
                    "Roll back after the switch")),
        new Scenario(
            "rollout stage 5% -> 25%", "lesson-canary-5", "canary-5", List.of(75, 25), stage(2)),
        new Scenario(
            "rollout stage 25% -> 50%", "lesson-canary-25", "canary-25", List.of(50, 50), stage(3)),
        new Scenario(
            "rollout stage 50% -> 100%",
            "lesson-canary-50", "canary-50", List.of(0, 100), stage(4)));
  }

  static Stream<Arguments> driftedScenarios() {
    return scenarios().flatMap(s -> DRIFTS.stream().map(drift -> Arguments.of(s, drift)));
  }

  @Nested
  @DisplayName("as printed by the generators")
  class Printed {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.trafficengineer.core.patch.GuardedWeightPatchTest#scenarios")
    @DisplayName("the command carries exactly this patch, shell-quoted, as its -p argument")
    void commandCarriesThePatch(Scenario scenario) {
      String command = scenario.printedCommand.get();

      assertThat(command)
          .startsWith("kubectl patch httproute ")
          .contains(" --type=json ")
          .endsWith(" -p " + ShellQuote.quote(scenario.patchJson()));
      String quoted = command.substring(command.indexOf(" -p ") + 4);
      assertThat(JSON.readTree(quoted.substring(1, quoted.length() - 1)))
          .isEqualTo(JSON.valueToTree(scenario.operations()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.trafficengineer.core.patch.GuardedWeightPatchTest#scenarios")
    @DisplayName("tests every backend name and every weight it changes before changing anything")
    void guardsComeFirst(Scenario scenario) {
      List<JsonPatchOperation> ops = scenario.operations();
      HTTPRoute route = scenario.route();
      int backends = route.getSpec().getRules().get(0).getBackendRefs().size();
      long changes = ops.stream().filter(op -> !op.op().equals("test")).count();

      assertThat(ops.subList(0, ops.size() - (int) changes))
          .allSatisfy(op -> assertThat(op.op()).isEqualTo("test"));
      for (int i = 0; i < backends; i++) {
        String at = "/spec/rules/0/backendRefs/" + i;
        assertThat(ops)
            .contains(
                JsonPatchOperation.test(
                    at + "/name",
                    route.getSpec().getRules().get(0).getBackendRefs().get(i).getName()));
      }
      ops.stream()
          .filter(op -> op.op().equals("replace"))
          .forEach(
              change ->
                  assertThat(ops)
                      .anySatisfy(
                          guard -> {
                            assertThat(guard.op()).isEqualTo("test");
                            assertThat(guard.path()).isEqualTo(change.path());
                          }));
    }
  }

  @Nested
  @DisplayName("applied by kubectl")
  class AppliedByKubectl {
    @BeforeAll
    static void kubectlPresent() {
      assumeTrue(Kubectl.available(), "kubectl is not installed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.trafficengineer.core.patch.GuardedWeightPatchTest#scenarios")
    @DisplayName("to the route it was computed from, changes the intended weights and nothing else")
    void changesOnlyTheWeights(Scenario scenario) {
      Kubectl.Result result =
          Kubectl.patchLocal(TestFiles.path(scenario.sourceFile()), scenario.patchJson());

      assertThat(result.exitCode()).as(result.stderr()).isZero();
      JsonNode before = YamlReader.read(TestFiles.read(scenario.sourceFile())).get(0).tree();
      ObjectNode expected = (ObjectNode) before.deepCopy();
      for (int i = 0; i < scenario.weights().size(); i++) {
        ((ObjectNode) expected.at("/spec/rules/0/backendRefs/" + i))
            .put("weight", scenario.weights().get(i));
      }
      JsonNode after = YamlReader.read(result.stdout()).get(0).tree();
      assertThat(after).isEqualTo(expected);
      assertThat(after).isNotEqualTo(before);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("dev.trafficengineer.core.patch.GuardedWeightPatchTest#driftedScenarios")
    @DisplayName("to a route changed by someone else, is refused as a whole")
    void refusedOnDrift(Scenario scenario, String drift) {
      Path drifted = TestFiles.path("patch/" + scenario.drifted() + "." + drift + ".yaml");

      Kubectl.Result result = Kubectl.patchLocal(drifted, scenario.patchJson());

      assertThat(result.exitCode()).as(result.stdout()).isNotZero();
      assertThat(result.stdout()).isEmpty();
      assertThat(result.stderr()).contains("test failed");
    }

    @Test
    @DisplayName("is refused when a rule with the same backends was inserted before the split")
    void refusedWhenLookalikeRuleInserted() {
      Scenario rollback = scenarios().findFirst().orElseThrow();
      Path drifted = TestFiles.path("patch/canary-5.same-backends-rule-inserted.yaml");

      Kubectl.Result result = Kubectl.patchLocal(drifted, rollback.patchJson());

      assertThat(result.exitCode()).as(result.stdout()).isNotZero();
      assertThat(result.stderr()).contains("test failed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.trafficengineer.core.patch.GuardedWeightPatchTest#scenarios")
    @DisplayName("to the live object, API-server defaults filled in, changes the same weights")
    void appliesToTheLiveObject(Scenario scenario) {
      Path live = TestFiles.path("patch/" + scenario.drifted() + ".live.yaml");

      Kubectl.Result result = Kubectl.patchLocal(live, scenario.patchJson());

      assertThat(result.exitCode()).as(result.stderr()).isZero();
      JsonNode after = YamlReader.read(result.stdout()).get(0).tree();
      for (int i = 0; i < scenario.weights().size(); i++) {
        assertThat(after.at("/spec/rules/0/backendRefs/" + i + "/weight").asInt())
            .isEqualTo(scenario.weights().get(i));
      }
    }
  }

  private static String command(List<ShellCommand> commands, String purposePrefix) {
    return commands.stream()
        .filter(c -> c.purpose().startsWith(purposePrefix))
        .map(ShellCommand::command)
        .reduce(
            (a, b) -> {
              throw new IllegalStateException("two commands for " + purposePrefix);
            })
        .orElseThrow();
  }

  private static Supplier<String> stage(int number) {
    return () ->
        command(
            RolloutPlanner.plan(lessonRollout()).stages().get(number - 1).commands(), "Advance");
  }

  static CanaryRequest lessonCanary(int percent) {
    return new CanaryRequest(
        "task-api",
        "task-api-gateway",
        "task-api-stable",
        "task-api-canary",
        8000,
        percent,
        null,
        "task-api-canary",
        "/api/",
        null,
        null,
        null,
        null);
  }

  static RolloutRequest lessonRollout() {
    return new RolloutRequest(
        "task-api",
        "task-api-gateway",
        "task-api-stable",
        "task-api-canary",
        8000,
        null,
        null,
        "task-api-canary",
        "/api/",
        null,
        null,
        null,
        null);
  }

  static BlueGreenRequest lessonBlueGreen() {
    return new BlueGreenRequest(
        "task-api",
        "task-api-gateway",
        "task-api-blue",
        "task-api-green",
        8000,
        "blue",
        "task-api-bluegreen",
        "/api/",
        null,
        null,
        null);
  }
}
