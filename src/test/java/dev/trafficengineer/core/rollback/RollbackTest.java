package dev.trafficengineer.core.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.generate.HeaderMatchInput;
import dev.trafficengineer.core.generate.RolloutPlan;
import dev.trafficengineer.core.generate.RolloutPlanner;
import dev.trafficengineer.core.generate.RolloutRequest;
import dev.trafficengineer.core.generate.RolloutStage;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.patch.Kubectl;
import dev.trafficengineer.core.patch.ShellCommand;
import dev.trafficengineer.core.yaml.YamlReader;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operation's patch proven with the real kubectl ({@code kubectl patch --local}): on the
 * route it was computed from, and on that route as the API server returns it, it changes exactly
 * the intended weights or rules; on a route changed meanwhile it is refused as a whole.
 */
@DisplayName("Rollback")
class RollbackTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String COMBINED = "golden/lesson-combined.yaml";

  static RollbackResult compute(String fixture, String canary, String target) {
    return Rollback.compute(
        new RollbackRequest(TestFiles.read(fixture), null, null, canary, target));
  }

  static JsonNode tree(String fixture) {
    return YamlReader.read(TestFiles.read(fixture)).get(0).tree();
  }

  static Kubectl.Result apply(String fixture, RollbackResult result) {
    return Kubectl.patchLocal(TestFiles.path(fixture), JSON.writeValueAsString(result.patch()));
  }

  /** {@code before} with the weights of {@code rule} set to {@code weights}. */
  static JsonNode withWeights(JsonNode before, int rule, int... weights) {
    ObjectNode expected = (ObjectNode) before.deepCopy();
    for (int i = 0; i < weights.length; i++) {
      ((ObjectNode) expected.at("/spec/rules/" + rule + "/backendRefs/" + i))
          .put("weight", weights[i]);
    }
    return expected;
  }

  @Nested
  @DisplayName("canary rollback on the lesson's combined route (premium rule + 90/10 canary)")
  class CombinedRoute {
    @Test
    @DisplayName("infers the canary and changes the two weights of the canary rule, nothing else")
    void patchIsMinimal() {
      RollbackResult result = compute(COMBINED, null, null);

      assertThat(result.service()).isEqualTo("task-api-canary");
      assertThat(result.patchType()).isEqualTo("json");
      assertThat(result.changes())
          .containsExactly("rule 1: task-api-stable 90 -> 100, task-api-canary 10 -> 0");
      assertThat(result.patch())
          .filteredOn(op -> !op.op().equals("test"))
          .extracting(op -> op.op() + " " + op.path() + " " + op.value())
          .containsExactly(
              "replace /spec/rules/1/backendRefs/0/weight 100",
              "replace /spec/rules/1/backendRefs/1/weight 0");
      assertThat(result.patch()).filteredOn(op -> op.path().startsWith("/spec/rules/0")).isEmpty();
      assertThat(result.mergePatch()).as("two rules: a merge patch would not be lossless").isNull();
      assertThat(result.command())
          .startsWith("kubectl patch httproute task-api-combined -n task-api --type=json -p '");
      assertThat(result.dryRunCommand()).contains(" --type=json --dry-run=server -p '");
      assertThat(result.verify()).startsWith("kubectl get httproute task-api-combined -n task-api");
    }

    @Test
    @DisplayName("the clean-up is the lesson's two deletes, each marked destructive")
    void cleanupIsDestructive() {
      RollbackResult result = compute(COMBINED, null, null);

      assertThat(result.cleanup())
          .extracting(ShellCommand::command)
          .containsExactly(
              "kubectl delete deployment task-api-canary -n task-api",
              "kubectl delete service task-api-canary -n task-api");
      assertThat(result.cleanup()).allSatisfy(c -> assertThat(c.destructive()).isTrue());
      assertThat(result.cleanup().get(1).purpose())
          .contains("the route still lists it (at weight 0)");
    }

    @Nested
    @DisplayName("applied by kubectl")
    class AppliedByKubectl {
      @BeforeAll
      static void kubectlPresent() {
        assumeTrue(Kubectl.available(), "kubectl is not installed");
      }

      @Test
      @DisplayName("leaves the premium rule byte-for-byte intact and the canary at 0")
      void premiumRuleIntact() {
        RollbackResult result = compute(COMBINED, null, null);
        Kubectl.Result unchanged =
            Kubectl.patchLocal(
                TestFiles.path(COMBINED),
                "[{\"op\":\"test\",\"path\":\"/kind\",\"value\":\"HTTPRoute\"}]");

        Kubectl.Result patched = apply(COMBINED, result);

        assertThat(patched.exitCode()).as(patched.stderr()).isZero();
        assertThat(premiumRuleText(patched.stdout()))
            .isEqualTo(premiumRuleText(unchanged.stdout()));
        JsonNode after = YamlReader.read(patched.stdout()).get(0).tree();
        assertThat(after).isEqualTo(withWeights(tree(COMBINED), 1, 100, 0));
      }

      @Test
      @DisplayName("the printed command, pasted against a copy with reordered backends, fails")
      void printedCommandRefusesReorderedBackends() {
        RollbackResult result = compute(COMBINED, null, null);

        Kubectl.Result pasted =
            Kubectl.runPrintedPatch(
                result.command(),
                "task-api-combined -n task-api",
                TestFiles.path("rollback/combined.backends-reordered.yaml"));

        assertThat(pasted.exitCode()).as(pasted.stdout()).isNotZero();
        assertThat(pasted.stdout()).isEmpty();
        assertThat(pasted.stderr()).contains("test failed");
      }

      @Test
      @DisplayName("the printed command, pasted against the route it was computed from, works")
      void printedCommandApplies() {
        RollbackResult result = compute(COMBINED, null, null);

        Kubectl.Result pasted =
            Kubectl.runPrintedPatch(
                result.command(), "task-api-combined -n task-api", TestFiles.path(COMBINED));

        assertThat(pasted.exitCode()).as(pasted.stderr()).isZero();
        assertThat(YamlReader.read(pasted.stdout()).get(0).tree())
            .isEqualTo(withWeights(tree(COMBINED), 1, 100, 0));
      }

      @Test
      @DisplayName("applies to the live object, with the API server's defaults and status")
      void appliesToLiveObject() {
        RollbackResult result = compute(COMBINED, null, null);

        Kubectl.Result patched = apply("rollback/combined.live.yaml", result);

        assertThat(patched.exitCode()).as(patched.stderr()).isZero();
        assertThat(YamlReader.read(patched.stdout()).get(0).tree())
            .isEqualTo(withWeights(tree("rollback/combined.live.yaml"), 1, 100, 0));
      }

      @ParameterizedTest(name = "{0}")
      @ValueSource(strings = {"backends-reordered", "rule-inserted", "lookalike-rule-inserted"})
      @DisplayName("is refused on a route changed since it was read")
      void refusedOnDrift(String drift) {
        RollbackResult result = compute(COMBINED, null, null);

        Kubectl.Result patched = apply("rollback/combined." + drift + ".yaml", result);

        assertThat(patched.exitCode()).as(patched.stdout()).isNotZero();
        assertThat(patched.stderr()).contains("test failed");
      }
    }
  }

  @Nested
  @DisplayName("every operation, applied by kubectl to the route as read and as the server has it")
  class Operations {
    @BeforeAll
    static void kubectlPresent() {
      assumeTrue(Kubectl.available(), "kubectl is not installed");
    }

    @Test
    @DisplayName("promote: the canary takes all traffic of its rule, the premium rule stays")
    void promote() {
      RollbackResult result = compute(COMBINED, null, "canary");

      assertThat(result.cleanup()).isEmpty();
      assertAppliesTo(COMBINED, result, withWeights(tree(COMBINED), 1, 0, 100));
      assertAppliesTo(
          "rollback/combined.live.yaml",
          result,
          withWeights(tree("rollback/combined.live.yaml"), 1, 0, 100));
    }

    @Test
    @DisplayName("blue-green: switch to green, and back to blue")
    void blueGreen() {
      String blue = "golden/lesson-blue-green-blue-active.yaml";
      String green = "golden/lesson-blue-green-green-active.yaml";

      RollbackResult toGreen = compute(blue, null, "green");
      RollbackResult toBlue = compute(green, null, "blue");

      assertThat(toGreen.service()).isEqualTo("task-api-green");
      assertThat(toBlue.service()).isEqualTo("task-api-blue");
      assertAppliesTo(blue, toGreen, withWeights(tree(blue), 0, 0, 100));
      assertAppliesTo(green, toBlue, withWeights(tree(green), 0, 100, 0));
      assertAppliesTo(
          "patch/blue-green-blue-active.live.yaml",
          toGreen,
          withWeights(tree("patch/blue-green-blue-active.live.yaml"), 0, 0, 100));
      assertThat(apply(green, toGreen).exitCode()).as("already switched: refused").isNotZero();
    }

    @Test
    @DisplayName("a one-rule route also gets a merge patch, with the reason it is second choice")
    void mergePatchOnlyWhenLossless() {
      RollbackResult result = compute("golden/lesson-canary-5.yaml", null, null);

      assertThat(JSON.readTree(result.mergePatch()))
          .isEqualTo(
              JSON.readTree(
                  """
                  {"spec":{"rules":[{"matches":[{"path":{"type":"PathPrefix","value":"/api/"}}],
                   "backendRefs":[{"name":"task-api-stable","port":8000,"weight":100},
                                  {"name":"task-api-canary","port":8000,"weight":0}]}]}}
                  """));
      assertThat(result.warnings()).contains(LosslessMergePatch.WHY_SECOND_CHOICE);
    }

    @Test
    @DisplayName("ab-off: the A/B rule removed, every other rule as it was")
    void abOff() {
      String fixture = "golden/inputs/ab-and-canary.yaml";
      RollbackResult result = compute(fixture, "task-api-beta", "ab-off");

      ObjectNode expected = (ObjectNode) tree(fixture).deepCopy();
      ((ArrayNode) expected.at("/spec/rules")).remove(0);
      assertAppliesTo(fixture, result, expected);
      assertThat(result.changes().get(0)).startsWith("rule 0 (/api/ with x-beta-user: true");
      assertThat(result.cleanup())
          .extracting(ShellCommand::purpose)
          .last()
          .isEqualTo("Delete the Service; no rule of the route names it any more");
    }

    @Test
    @DisplayName("ab-off is refused where another rule now sits at the A/B rule's index")
    void abOffGuarded() {
      RollbackResult result =
          compute("golden/inputs/ab-and-canary.yaml", "task-api-beta", "ab-off");

      Kubectl.Result patched = apply(COMBINED, result);

      assertThat(patched.exitCode()).as(patched.stdout()).isNotZero();
      assertThat(patched.stderr()).contains("test failed");
    }

    @Test
    @DisplayName("defaults omitted in the file: the patch applies to the file and to the live copy")
    void defaultsOmitted() {
      RollbackResult rollback = compute("rollback/defaults-omitted.yaml", null, null);
      RollbackResult abOff = compute("rollback/defaults-omitted.yaml", null, "ab-off");

      assertThat(rollback.service()).isEqualTo("shop-canary");
      assertThat(abOff.service()).isEqualTo("shop-beta");
      for (String fixture :
          List.of("rollback/defaults-omitted.yaml", "rollback/defaults-omitted.live.yaml")) {
        assertAppliesTo(fixture, rollback, withWeights(tree(fixture), 1, 100, 0));
        ObjectNode withoutAb = (ObjectNode) tree(fixture).deepCopy();
        ((ArrayNode) withoutAb.at("/spec/rules")).remove(0);
        assertAppliesTo(fixture, abOff, withoutAb);
      }
    }

    private void assertAppliesTo(String fixture, RollbackResult result, JsonNode expected) {
      Kubectl.Result patched = apply(fixture, result);
      assertThat(patched.exitCode()).as(fixture + ": " + patched.stderr()).isZero();
      assertThat(YamlReader.read(patched.stdout()).get(0).tree()).as(fixture).isEqualTo(expected);
    }
  }

  @Nested
  @DisplayName("refusals and warnings")
  class Refusals {
    @Test
    @DisplayName("a rule that sends only to the canary is left alone, with a warning")
    void canaryOnlyRule() {
      RollbackResult result = compute("rollback/canary-only-rule.yaml", null, null);

      assertThat(result.changes())
          .containsExactly("rule 1: task-api-stable 90 -> 100, task-api-canary 10 -> 0");
      assertThat(result.patch()).noneMatch(op -> op.path().startsWith("/spec/rules/0/"));
      assertThat(result.warnings())
          .anyMatch(w -> w.startsWith("Rule 0 sends only to task-api-canary"));
    }

    @Test
    @DisplayName("no canary can be inferred from two equal versions: the choices are listed")
    void ambiguousCanary() {
      assertThatThrownBy(() -> compute("rollback/two-versions.yaml", null, null))
          .isInstanceOf(TargetRefused.class)
          .hasMessageStartingWith("target: \"stable\" is refused: no backend is certainly")
          .hasMessageContaining("\n  to: \"app-v1\" -> rule 0: app-v1 50 -> 100, app-v2 50 -> 0");
    }

    @Test
    @DisplayName("ab-off without a Service, on a route with two A/B rules, lists both")
    void ambiguousTestService() {
      assertThatThrownBy(() -> compute("golden/inputs/ab-and-canary.yaml", null, "ab-off"))
          .hasMessageContaining("task-api-beta, task-api-basic");
    }

    @Test
    @DisplayName("ab-off never takes the premium rule for an experiment")
    void premiumIsNotAnExperiment() {
      assertThatThrownBy(() -> compute(COMBINED, null, "ab-off"))
          .hasMessageContaining("has no Services that an A/B rule sends all its traffic to");
    }

    @Test
    @DisplayName("a Service the route does not send to is refused, listing the backends")
    void unknownService() {
      assertThatThrownBy(() -> compute(COMBINED, "task-api-other", null))
          .hasMessageContaining("is not a backend of any rule")
          .hasMessageContaining("task-api-stable, task-api-canary");
    }

    @Test
    @DisplayName("a name that differs from the route's is refused")
    void nameMismatch() {
      assertThatThrownBy(
              () ->
                  Rollback.compute(
                      new RollbackRequest(TestFiles.read(COMBINED), "other", null, null, null)))
          .hasMessageStartingWith("name: \"other\" differs from the route's metadata.name");
    }

    @Test
    @DisplayName("an unknown target is refused, naming the allowed ones")
    void unknownTarget() {
      assertThatThrownBy(() -> compute(COMBINED, null, "yellow"))
          .hasMessageContaining("stable, canary, blue, green, ab-off");
    }

    @ParameterizedTest(name = "canaryService {0}")
    @ValueSource(strings = {"task-api-canary", ""})
    @DisplayName(
        "nothing to change, named or inferred: no command, no clean-up, the split as it is")
    void alreadyRolledBack(String canary) {
      RollbackResult result =
          compute("golden/lesson-canary-rollback-0.yaml", canary.isEmpty() ? null : canary, null);

      assertThat(result.patch()).isEmpty();
      assertThat(result.command()).isNull();
      assertThat(result.dryRunCommand()).isNull();
      assertThat(result.cleanup()).isEmpty();
      assertThat(result.nothingToChange())
          .isEqualTo("task-api-canary already has weight 0 in every rule that can send elsewhere");
      assertThat(result.current())
          .containsExactly("rule 0: task-api-stable 100, task-api-canary 0");
    }
  }

  @Test
  @DisplayName(
      "plan_rollout prints, at every stage, the rollback this tool computes with to stable (at 100%"
          + " stable has weight 0, so it must be named)")
  void planRolloutSharesTheRollback() {
    RolloutPlan plan =
        RolloutPlanner.plan(
            new RolloutRequest(
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
                new HeaderMatchInput("x-api-tier", "premium", null)));

    for (RolloutStage stage : plan.stages()) {
      RollbackResult rollback =
          Rollback.compute(
              new RollbackRequest(stage.yaml(), null, null, null, null, "task-api-stable"));
      assertThat(stage.commands())
          .filteredOn(c -> c.purpose().startsWith("If the gate fails"))
          .extracting(ShellCommand::command)
          .containsExactly(rollback.command());
    }
  }

  @Nested
  @DisplayName("without the route")
  class WithoutTheRoute {
    @Test
    @DisplayName("no patch; the command saves the live route and computes the guarded patch")
    void twoStep() {
      RollbackResult result =
          Rollback.compute(
              new RollbackRequest(null, "task-api-canary", "task-api", "task-api-canary", null));

      assertThat(result.patchType()).isEqualTo("none");
      assertThat(result.patch()).isEmpty();
      assertThat(result.mergePatch()).isNull();
      assertThat(result.command())
          .isEqualTo(
              "kubectl get httproute task-api-canary -n task-api -o yaml > task-api-canary-route.yaml"
                  + " && traffic-engineer rollback -f task-api-canary-route.yaml"
                  + " --canary-service task-api-canary");
      assertThat(result.warnings().get(0)).startsWith("Without the route nothing can be guarded");
    }

    @Test
    @DisplayName("an unsafe name gets an error, never a command")
    void unsafeName() {
      assertThatThrownBy(
              () ->
                  Rollback.compute(
                      new RollbackRequest(null, "x;rm -rf /", "task-api", "task-api-canary", null)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("name:");
    }
  }

  /** The lines of rule 0 as kubectl prints them: from "- backendRefs" to the next rule. */
  private static String premiumRuleText(String yaml) {
    List<String> lines = yaml.lines().toList();
    int start = lines.indexOf("  rules:") + 1;
    int end = start + 1;
    while (!lines.get(end).startsWith("  - ")) {
      end++;
    }
    return String.join("\n", lines.subList(start, end));
  }
}
