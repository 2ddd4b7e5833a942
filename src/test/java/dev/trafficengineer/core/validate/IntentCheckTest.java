package dev.trafficengineer.core.validate;

import static dev.trafficengineer.core.validate.Checked.CANARY;
import static dev.trafficengineer.core.validate.Checked.codes;
import static dev.trafficengineer.core.validate.Checked.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntentCheckTest {

  private static List<Finding> intent(String yaml, Expectation expect) {
    return run(yaml, (route, findings) -> IntentCheck.check(route, expect, findings));
  }

  @Test
  void matchingIntentPasses() {
    Expectation expect =
        new Expectation(
            "task-api",
            "task-api-gateway",
            Map.of("task-api-stable", 95, "task-api-canary", 5),
            new ProtectExpectation("x-api-tier", "premium", "task-api-stable"));

    assertThat(intent(CANARY, expect)).isEmpty();
  }

  @Test
  void otherNamespaceAndGateway() {
    assertThat(codes(intent(CANARY, new Expectation("payments", "edge", null, null))))
        .containsExactly("TE402", "TE403");
  }

  @Test
  void splitWithinOneHundredthOfAPointPasses() {
    String thirds = CANARY.replace("weight: 95", "weight: 2").replace("weight: 5\n", "weight: 1\n");

    assertThat(
            intent(
                thirds,
                new Expectation(
                    null, null, Map.of("task-api-stable", 67, "task-api-canary", 33), null)))
        .extracting(Finding::code)
        .containsExactly("TE203");
    assertThat(
            intent(
                CANARY,
                new Expectation(
                    null, null, Map.of("task-api-stable", 95, "task-api-canary", 5), null)))
        .isEmpty();
  }

  @Test
  void headerRulesDoNotCountForThePlainSplit() {
    String premium =
        CANARY.replace(
            "    - backendRefs:\n",
            "    - matches: [{headers: [{name: x-api-tier, value: premium}]}]\n"
                + "      backendRefs: [{name: task-api-stable, port: 8000}]\n"
                + "    - backendRefs:\n");

    assertThat(
            intent(
                premium,
                new Expectation(
                    null, null, Map.of("task-api-stable", 95, "task-api-canary", 5), null)))
        .isEmpty();
  }
}
