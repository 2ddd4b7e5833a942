package dev.trafficengineer.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.precedence.RouteProofs;
import dev.trafficengineer.core.yaml.HttpRouteMapping;
import dev.trafficengineer.core.yaml.YamlReader;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("PremiumProtection")
class PremiumProtectionTest {

  @Test
  @DisplayName("added to the lesson's 90/10 canary, gives exactly the lesson's combined route")
  void canaryBecomesTheLessonsCombinedRoute() {
    RouteResult result =
        PremiumProtection.add(
            new PremiumRuleRequest(
                TestFiles.read("golden/inputs/task-api-combined-canary-90-10.yaml"),
                "task-api-stable",
                null,
                null));

    assertThat(result.yaml()).isEqualTo(TestFiles.read("golden/lesson-combined.yaml"));
    assertThat(result.notes().get(0)).startsWith("Added 1 rule at the top");
  }

  @Test
  @DisplayName("says protection was proved, and the proof agrees on the route it returns")
  void protectionIsProved() {
    RouteResult result =
        PremiumProtection.add(
            new PremiumRuleRequest(
                TestFiles.read("golden/inputs/task-api-combined-canary-90-10.yaml"),
                "task-api-stable",
                null,
                null));

    assertThat(result.notes()).anyMatch(note -> note.startsWith("Proved over every path"));
    assertThat(
            RouteProofs.protectionCounterexample(
                List.of(HttpRouteMapping.toRoute(YamlReader.read(result.yaml()).get(0).tree())),
                "x-api-tier",
                "premium",
                "task-api-stable"))
        .isEmpty();
  }

  @Test
  @DisplayName("finds nothing to add in the lesson's combined route")
  void combinedRouteIsAlreadyProtected() {
    String combined = TestFiles.read("golden/lesson-combined.yaml");

    RouteResult result =
        PremiumProtection.add(new PremiumRuleRequest(combined, "task-api-stable", null, null));

    assertThat(result.yaml()).isEqualTo(combined);
    assertThat(result.notes().get(0)).startsWith("Nothing to add");
  }

  @Test
  @DisplayName("drops what the API server owns from YAML read back from a cluster")
  void dropsServerOwnedFields() {
    String yaml = TestFiles.read("golden/premium-added-to-cluster-copy.yaml");

    assertThat(yaml)
        .doesNotContain("status:")
        .doesNotContain("uid:")
        .doesNotContain("resourceVersion")
        .doesNotContain("creationTimestamp")
        .doesNotContain("generation")
        .doesNotContain("last-applied-configuration")
        .contains("app: task-api");
  }

  @Nested
  @DisplayName("on a route that parses but leaves out parts")
  class IncompleteRoutes {
    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "no-metadata",
          "rules-null",
          "backend-refs-null",
          "matches-null",
          "headers-null",
          "header-without-name",
          "filters-null"
        })
    @DisplayName("returns a route or refuses with InvalidInputException, never crashes")
    void neverCrashes(String fixture) {
      String yaml = TestFiles.read("premium/incomplete/" + fixture + ".yaml");

      Throwable thrown =
          catchThrowable(
              () ->
                  PremiumProtection.add(
                      new PremiumRuleRequest(yaml, "task-api-premium", null, 8000)));

      if (thrown != null) {
        assertThat(thrown).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) thrown).field()).isEqualTo("routeYaml");
      }
    }
  }
}
