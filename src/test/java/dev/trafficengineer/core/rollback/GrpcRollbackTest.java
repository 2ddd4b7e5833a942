package dev.trafficengineer.core.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.patch.Kubectl;
import dev.trafficengineer.core.yaml.YamlReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rollbacks of GRPCRoutes under the HTTPRoute rules: the same inference and refusals, guarded JSON
 * Patches that also test the gRPC method match, each proven with the real kubectl ({@code kubectl
 * patch --local}) on the route as read, on the route as the API server returns it, and refused on a
 * route changed meanwhile. Each case's whole result is a golden file in {@code rollback/grpc}.
 */
@DisplayName("Rollback of GRPCRoutes")
class GrpcRollbackTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final String CANARY = "golden/grpc/grpc-canary-protect-premium.yaml";
  private static final String LIVE = "rollback/grpc/orders-canary.live.yaml";
  private static final String TWO_METHODS = "rollback/grpc/orders-two-methods.yaml";
  private static final String BLUE_GREEN = "golden/grpc/grpc-blue-green-green-active.yaml";
  private static final String AB = "golden/grpc/grpc-ab-header.yaml";

  private static RollbackResult compute(String fixture, String canary, String target, String to) {
    return Rollback.compute(
        new RollbackRequest(TestFiles.read(fixture), null, null, canary, target, to));
  }

  private static JsonNode tree(String fixture) {
    return YamlReader.read(TestFiles.read(fixture)).get(0).tree();
  }

  private static Kubectl.Result apply(String fixture, RollbackResult result) {
    return Kubectl.patchLocal(TestFiles.path(fixture), JSON.writeValueAsString(result.patch()));
  }

  private static JsonNode withWeights(JsonNode before, int rule, int... weights) {
    ObjectNode expected = (ObjectNode) before.deepCopy();
    for (int i = 0; i < weights.length; i++) {
      ((ObjectNode) expected.at("/spec/rules/" + rule + "/backendRefs/" + i))
          .put("weight", weights[i]);
    }
    return expected;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "-",
      value = {
        "canary-stable, golden/grpc/grpc-canary-protect-premium.yaml, -, -, -",
        "canary-promote, golden/grpc/grpc-canary-protect-premium.yaml, -, canary, -",
        "two-methods-stable, rollback/grpc/orders-two-methods.yaml, -, -, -",
        "blue-green-to-blue, golden/grpc/grpc-blue-green-green-active.yaml, -, blue, -",
        "ab-off, golden/grpc/grpc-ab-header.yaml, -, ab-off, -",
        "versions-to-v2, rollback/grpc/orders-versions.yaml, -, -, orders-v2"
      })
  @DisplayName("each result is its golden file, byte for byte")
  void golden(String name, String fixture, String canary, String target, String to) {
    String actual =
        JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(compute(fixture, canary, target, to))
            + "\n";
    Path golden = TestFiles.path("rollback/grpc/" + name + ".result.json");
    if (UPDATE) {
      TestFiles.write(golden, actual);
    }
    assertThat(actual).isEqualTo(TestFiles.read(golden));
  }

  @Nested
  @DisplayName("canary rollback of the premium-protected gRPC canary")
  class Canary {
    @Test
    @DisplayName("infers the canary; tests the rule's method match, then changes two weights")
    void minimalGuardedPatch() {
      RollbackResult result = compute(CANARY, null, null, null);

      assertThat(result.kind()).isEqualTo("GRPCRoute");
      assertThat(result.service()).isEqualTo("orders-canary");
      assertThat(result.changes())
          .containsExactly("rule 1: orders-stable 90 -> 100, orders-canary 10 -> 0");
      assertThat(result.patch())
          .extracting(op -> op.op() + " " + op.path() + " " + op.value())
          .contains("test /spec/rules/1/matches/0/method/service shop.orders.v1.OrderService")
          .endsWith(
              "replace /spec/rules/1/backendRefs/0/weight 100",
              "replace /spec/rules/1/backendRefs/1/weight 0");
      assertThat(result.patch()).filteredOn(op -> op.path().startsWith("/spec/rules/0")).isEmpty();
      assertThat(result.command())
          .startsWith("kubectl patch grpcroute orders-canary -n orders --type=json -p '");
      assertThat(result.verify()).startsWith("kubectl get grpcroute orders-canary -n orders");
      assertThat(result.mergePatch()).as("two rules: a merge patch would not be lossless").isNull();
    }

    @Test
    @DisplayName("capacity: a Service without ready endpoints is not sent the canary's share")
    void capacity() {
      assertThatThrownBy(
              () ->
                  Rollback.compute(
                      new RollbackRequest(TestFiles.read(CANARY), null, null, null, null),
                      Map.of("orders-stable", 0, "orders-canary", 2)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("\"orders-stable\" has no ready endpoint");
    }

    @Test
    @DisplayName("nothing to change once the canary is at 0: no command, no clean-up")
    void nothingToChange() {
      Kubectl.Result rolledBack = kubectlOrSkip(CANARY, compute(CANARY, null, null, null));
      RollbackResult again =
          Rollback.compute(new RollbackRequest(rolledBack.stdout(), null, null, null, null));

      assertThat(again.command()).isNull();
      assertThat(again.cleanup()).isEmpty();
      assertThat(again.nothingToChange())
          .isEqualTo("orders-canary already has weight 0 in every rule that can send elsewhere");
    }

    private Kubectl.Result kubectlOrSkip(String fixture, RollbackResult result) {
      assumeTrue(Kubectl.available(), "kubectl is not installed");
      Kubectl.Result patched = apply(fixture, result);
      assertThat(patched.exitCode()).as(patched.stderr()).isZero();
      return patched;
    }
  }

  @Nested
  @DisplayName("applied by kubectl")
  class AppliedByKubectl {
    @BeforeAll
    static void kubectlPresent() {
      assumeTrue(Kubectl.available(), "kubectl is not installed");
    }

    @Test
    @DisplayName("the rollback applies to the file and to the route as the API server returns it")
    void rollback() {
      RollbackResult result = compute(CANARY, null, null, null);

      assertAppliesTo(CANARY, result, withWeights(tree(CANARY), 1, 100, 0));
      assertAppliesTo(LIVE, result, withWeights(tree(LIVE), 1, 100, 0));
    }

    @Test
    @DisplayName("the printed command, pasted into a shell, does the same")
    void printedCommand() {
      RollbackResult result = compute(CANARY, null, null, null);

      Kubectl.Result pasted =
          Kubectl.runPrintedPatch(
              result.command(), "grpcroute", "orders-canary -n orders", TestFiles.path(LIVE));

      assertThat(pasted.exitCode()).as(pasted.stderr()).isZero();
      assertThat(YamlReader.read(pasted.stdout()).get(0).tree())
          .isEqualTo(withWeights(tree(LIVE), 1, 100, 0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"rule-inserted", "backends-reordered"})
    @DisplayName("a route changed since it was read is refused as a whole")
    void drift(String drift) {
      Kubectl.Result patched =
          apply(
              "rollback/grpc/orders-canary." + drift + ".yaml", compute(CANARY, null, null, null));

      assertThat(patched.exitCode()).as(patched.stdout()).isNotZero();
      assertThat(patched.stderr()).contains("test failed");
    }

    @Test
    @DisplayName("a split in two rules is patched rule by rule; a third rule is left alone")
    void ruleByRule() {
      RollbackResult result = compute(TWO_METHODS, null, null, null);

      assertThat(result.changes())
          .containsExactly(
              "rule 0: orders-stable 80 -> 100, orders-canary 20 -> 0",
              "rule 1: orders-stable 95 -> 100, orders-canary 5 -> 0");
      assertThat(result.patch())
          .extracting(op -> op.op() + " " + op.path() + " " + op.value())
          .contains(
              "test /spec/rules/0/name place-order",
              "test /spec/rules/0/matches/0/method/method PlaceOrder",
              "test /spec/rules/1/matches/0/method/type RegularExpression",
              "test /spec/rules/1/matches/0/method/method Get.*");
      assertThat(result.patch()).filteredOn(op -> op.path().startsWith("/spec/rules/2")).isEmpty();
      assertAppliesTo(
          TWO_METHODS, result, withWeights(withWeights(tree(TWO_METHODS), 0, 100, 0), 1, 100, 0));
    }

    @Test
    @DisplayName("promote: the canary takes all calls of its rule, the premium rule stays")
    void promote() {
      RollbackResult result = compute(CANARY, null, "canary", null);

      assertThat(result.cleanup()).isEmpty();
      assertAppliesTo(LIVE, result, withWeights(tree(LIVE), 1, 0, 100));
    }

    @Test
    @DisplayName("blue-green: switch to blue; applying it twice is refused")
    void blueGreen(@TempDir Path directory) {
      RollbackResult result = compute(BLUE_GREEN, null, "blue", null);

      assertThat(result.service()).isEqualTo("orders-blue");
      assertAppliesTo(BLUE_GREEN, result, withWeights(tree(BLUE_GREEN), 0, 100, 0));
      Path switched = directory.resolve("switched.yaml");
      TestFiles.write(switched, apply(BLUE_GREEN, result).stdout());
      assertThat(Kubectl.patchLocal(switched, JSON.writeValueAsString(result.patch())).exitCode())
          .as("already switched: the weight tests fail")
          .isNotZero();
    }

    @Test
    @DisplayName("ab-off: the header rule removed, its calls fall through to the stable rule")
    void abOff() {
      RollbackResult result = compute(AB, null, "ab-off", null);

      assertThat(result.service()).isEqualTo("orders-experimental");
      assertThat(result.changes())
          .containsExactly(
              "rule 0 (shop.orders.v1.OrderService/* with x-beta-user: true ->"
                  + " orders-experimental) removed: its requests fall through to the next rule"
                  + " that matches them");
      ObjectNode expected = (ObjectNode) tree(AB).deepCopy();
      ((ArrayNode) expected.at("/spec/rules")).remove(0);
      assertAppliesTo(AB, result, expected);
    }

    private void assertAppliesTo(String fixture, RollbackResult result, JsonNode expected) {
      Kubectl.Result patched = apply(fixture, result);
      assertThat(patched.exitCode()).as(fixture + ": " + patched.stderr()).isZero();
      assertThat(YamlReader.read(patched.stdout()).get(0).tree()).as(fixture).isEqualTo(expected);
    }
  }

  @Nested
  @DisplayName("refusals")
  class Refusals {
    @Test
    @DisplayName("a 100/0 route between two versions: refused with the choices, never a guess")
    void notCertain() {
      assertThatThrownBy(() -> compute("rollback/grpc/orders-versions.yaml", null, null, null))
          .isInstanceOfSatisfying(
              TargetRefused.class,
              refused ->
                  assertThat(refused.choices())
                      .extracting(c -> c.field() + " " + c.value() + ": " + c.effect())
                      .containsExactly(
                          "canaryService orders-v2: nothing to change",
                          "to orders-v1: nothing to change",
                          "to orders-v2: rule 0: orders-v1 100 -> 0, orders-v2 0 -> 100"));
    }

    @Test
    @DisplayName("a kind that is not the route's is refused: the commands would name another one")
    void kindMismatch() {
      assertThatThrownBy(
              () ->
                  Rollback.compute(
                      new RollbackRequest(
                          TestFiles.read(CANARY), null, null, null, null, null, "HTTPRoute")))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("kind: \"HTTPRoute\" differs from the route's kind (GRPCRoute)");
    }

    @Test
    @DisplayName("without the route, kind GRPCRoute: the two-step command reads the grpcroute")
    void withoutTheRoute() {
      RollbackResult result =
          Rollback.compute(
              new RollbackRequest(
                  null, "orders-canary", "orders", "orders-canary", null, null, "GRPCRoute"));

      assertThat(result.kind()).isEqualTo("GRPCRoute");
      assertThat(result.patch()).isEmpty();
      assertThat(result.command())
          .isEqualTo(
              "kubectl get grpcroute orders-canary -n orders -o yaml > orders-canary-route.yaml"
                  + " && traffic-engineer rollback -f orders-canary-route.yaml"
                  + " --canary-service orders-canary");
      assertThat(result.verify()).startsWith("kubectl get grpcroute orders-canary -n orders");
    }

    @Test
    @DisplayName("a v1alpha2 GRPCRoute is refused like any route the API server would reject")
    void invalidRoute() {
      String yaml =
          TestFiles.read(CANARY)
              .replace("gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v1alpha2");

      assertThatThrownBy(() -> Rollback.compute(new RollbackRequest(yaml, null, null, null, null)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("routeYaml:");
    }
  }

  @Test
  @DisplayName("every choice listed for the 100/0 route, requested, does what its line says")
  void choicesAreWhatTheyDo() {
    String fixture = "rollback/grpc/orders-versions.yaml";
    List<RollbackChoice> choices;
    try {
      compute(fixture, null, null, null);
      throw new AssertionError("not refused");
    } catch (TargetRefused refused) {
      choices = refused.choices();
    }
    for (RollbackChoice choice : choices) {
      RollbackResult result =
          switch (choice.field()) {
            case "to" -> compute(fixture, null, null, choice.value());
            default -> compute(fixture, choice.value(), null, null);
          };
      String effect =
          result.nothingToChange() != null
              ? "nothing to change"
              : String.join("; ", result.changes());
      assertThat(effect).as(choice.toString()).isEqualTo(choice.effect());
    }
  }
}
