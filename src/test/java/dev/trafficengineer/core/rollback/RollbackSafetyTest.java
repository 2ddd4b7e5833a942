package dev.trafficengineer.core.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.patch.Kubectl;
import dev.trafficengineer.core.patch.ShellCommand;
import dev.trafficengineer.core.yaml.YamlReader;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 3 AM defect and its neighbours: a default rollback on a route whose canary is not certain is
 * refused with the explicit choices (their text in {@code rollback/refusals}), never computed
 * toward the idle side; {@code to} works for any names; a Service that still serves is never
 * offered for deletion.
 */
@DisplayName("Rollback safety")
class RollbackSafetyTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static RollbackResult compute(String fixture, String canary, String target, String to) {
    return Rollback.compute(
        new RollbackRequest(TestFiles.read(fixture), null, null, canary, target, to));
  }

  private static TargetRefused refusal(String fixture, String target) {
    try {
      compute(fixture, null, target, null);
    } catch (TargetRefused refused) {
      return refused;
    }
    throw new AssertionError(fixture + ": not refused");
  }

  @Nested
  @DisplayName("refused with the choices that fit the route (fixtures in rollback/refusals)")
  class Refusals {
    @ParameterizedTest(name = "{0}, target {1}")
    @CsvSource(
        nullValues = "default",
        value = {
          "golden/lesson-blue-green-green-active.yaml, default, blue-green-green-active",
          "golden/lesson-blue-green-blue-active.yaml, default, blue-green-blue-active",
          "rollback/myapp-v1-live.yaml, default, myapp-v1-live",
          "rollback/myapp-v2-live.yaml, default, myapp-v2-live",
          "rollback/myapp-v1-live.yaml, canary, myapp-v1-live.promote",
          "rollback/three-backends.yaml, default, three-backends",
          "rollback/weights-omitted.yaml, default, weights-omitted",
          "rollback/two-versions.yaml, default, two-versions",
          "golden/lesson-canary-100.yaml, default, lesson-canary-100"
        })
    void refusedWithChoices(String fixture, String target, String expected) {
      TargetRefused refused = refusal(fixture, target);

      assertThat(refused.getMessage() + "\n")
          .isEqualTo(TestFiles.read("rollback/refusals/" + expected + ".txt"));
    }

    @Test
    @DisplayName(
        "blue-green, default target: never the idle colour, never a delete of the live one")
    void blueGreenDefaultIsRefused() {
      TargetRefused refused = refusal("golden/lesson-blue-green-green-active.yaml", null);

      assertThat(refused.choices())
          .extracting(c -> c.field() + " " + c.value() + ": " + c.effect())
          .containsExactly(
              "target blue: rule 0: task-api-blue 0 -> 100, task-api-green 100 -> 0",
              "target green: nothing to change",
              "canaryService task-api-blue: nothing to change",
              "to task-api-blue: rule 0: task-api-blue 0 -> 100, task-api-green 100 -> 0",
              "to task-api-green: nothing to change");
    }

    @Test
    @DisplayName("every listed choice, requested, gives the result its line announced")
    void choicesAreWhatTheyDo() {
      for (String fixture :
          List.of(
              "golden/lesson-blue-green-blue-active.yaml",
              "rollback/myapp-v2-live.yaml",
              "rollback/three-backends.yaml")) {
        for (RollbackChoice choice : refusal(fixture, null).choices()) {
          RollbackResult result =
              compute(
                  fixture,
                  choice.field().equals("canaryService") ? choice.value() : null,
                  choice.field().equals("target") ? choice.value() : null,
                  choice.field().equals("to") ? choice.value() : null);
          assertThat(
                  result.nothingToChange() == null
                      ? String.join("; ", result.changes())
                      : "nothing to change")
              .as(fixture + " " + choice)
              .isEqualTo(choice.effect());
        }
      }
    }

    @Test
    @DisplayName("draining a named Service whose only partner is at 0 is refused: name it with to")
    void drainOntoIdleIsRefused() {
      assertThatThrownBy(() -> compute("rollback/myapp-v2-live.yaml", "myapp-v2", null, null))
          .isInstanceOf(TargetRefused.class)
          .hasMessageContaining(
              "it would send traffic to myapp-v1, which has weight 0 in rule 0 and was not named")
          .hasMessageContaining("to: \"myapp-v1\" -> rule 0: myapp-v1 0 -> 100, myapp-v2 100 -> 0");
    }

    @Test
    @DisplayName("to is used alone")
    void toIsUsedAlone() {
      assertThatThrownBy(() -> compute("rollback/myapp-v1-live.yaml", null, "stable", "myapp-v1"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("to: \"myapp-v1\" is used alone");
    }

    @Test
    @DisplayName("to names a backend of the route")
    void toUnknownService() {
      assertThatThrownBy(() -> compute("rollback/myapp-v1-live.yaml", null, null, "myapp-v3"))
          .hasMessage(
              "to: \"myapp-v3\" is not a backend of any rule of the route (its backends:"
                  + " myapp-v1, myapp-v2)");
    }
  }

  @Nested
  @DisplayName("certain inferences still answer")
  class Certain {
    @Test
    @DisplayName("a minority version not named *-canary is the canary; the premium rule stays")
    void minorityVersion() {
      RollbackResult result = compute("rollback/minority-version.yaml", null, null, null);

      assertThat(result.service()).isEqualTo("app-v2");
      assertThat(result.changes()).containsExactly("rule 1: app-v1 90 -> 100, app-v2 10 -> 0");
      assertThat(result.cleanup())
          .extracting(ShellCommand::command)
          .contains("kubectl delete deployment app-v2 -n app");
    }

    @Test
    @DisplayName("the lesson's combined route: canary 10 -> 0, no capacity warning for 90 -> 100")
    void lessonCombined() {
      RollbackResult result = compute("golden/lesson-combined.yaml", null, null, null);

      assertThat(result.service()).isEqualTo("task-api-canary");
      assertThat(result.warnings()).noneMatch(w -> w.startsWith("Capacity"));
    }

    @Test
    @DisplayName("a canary that still has a rule of its own is not offered for deletion")
    void noCleanupWhileServing() {
      RollbackResult result = compute("rollback/canary-only-rule.yaml", null, null, null);

      assertThat(result.cleanup()).isEmpty();
      assertThat(result.warnings())
          .contains(
              "No clean-up: after the patch rule 0 still sends task-api-canary traffic, so its"
                  + " Deployment and Service must stay.");
    }
  }

  @Nested
  @DisplayName("to SERVICE, on each backend, applied by kubectl")
  class To {
    @ParameterizedTest(name = "{0} --to {1}")
    @CsvSource({
      "rollback/myapp-v1-live.yaml, myapp-v1, 0, 100 0",
      "rollback/myapp-v1-live.yaml, myapp-v2, 0, 0 100",
      "rollback/myapp-v2-live.yaml, myapp-v1, 0, 100 0",
      "rollback/myapp-v2-live.yaml, myapp-v2, 0, 0 100",
      "golden/lesson-blue-green-green-active.yaml, task-api-blue, 0, 100 0",
      "golden/lesson-blue-green-green-active.yaml, task-api-green, 0, 0 100",
      "golden/lesson-combined.yaml, task-api-stable, 1, 100 0",
      "golden/lesson-combined.yaml, task-api-canary, 1, 0 100",
      "rollback/three-backends.yaml, app-v3, 0, 0 0 100",
      "rollback/weights-omitted.yaml, app-green, 0, 0 2"
    })
    void toEachBackend(String fixture, String to, int rule, String weights) {
      RollbackResult result = compute(fixture, null, null, to);

      assertThat(result.target()).isEqualTo("to");
      assertThat(result.service()).isEqualTo(to);
      assertThat(result.cleanup()).as("to deletes nothing").isEmpty();
      JsonNode before = YamlReader.read(TestFiles.read(fixture)).get(0).tree();
      int[] expected =
          java.util.Arrays.stream(weights.split(" ")).mapToInt(Integer::parseInt).toArray();
      JsonNode after = RollbackTest.withWeights(before, rule, expected);
      if (result.nothingToChange() != null) {
        assertThat(result.command()).isNull();
        assertThat(after).as("nothing to change means the route is already so").isEqualTo(before);
        return;
      }
      assumeTrue(Kubectl.available(), "kubectl is not installed");
      Kubectl.Result patched =
          Kubectl.patchLocal(TestFiles.path(fixture), JSON.writeValueAsString(result.patch()));
      assertThat(patched.exitCode()).as(patched.stderr()).isZero();
      assertThat(YamlReader.read(patched.stdout()).get(0).tree()).isEqualTo(after);
    }

    @Test
    @DisplayName("raising a weight-0 backend warns that it must be scaled, with the shares")
    void capacityWarning() {
      RollbackResult result = compute("rollback/myapp-v1-live.yaml", null, null, "myapp-v2");

      assertThat(result.warnings())
          .startsWith(
              "Capacity: myapp-v2 would take 100 % from 0 % of rule 0's traffic: make sure it is"
                  + " scaled for that (its replicas) before you run the command. Live mode"
                  + " (--live, the cluster tools) counts its ready endpoints.");
    }

    @Test
    @DisplayName("without the route: the two-step command carries --to")
    void withoutRoute() {
      RollbackResult result =
          Rollback.compute(new RollbackRequest(null, "myapp", "shop", null, null, "myapp-v1"));

      assertThat(result.command())
          .isEqualTo(
              "kubectl get httproute myapp -n shop -o yaml > myapp-route.yaml && traffic-engineer"
                  + " rollback -f myapp-route.yaml --to myapp-v1");
      assertThat(result.cleanup()).isEmpty();
    }
  }
}
