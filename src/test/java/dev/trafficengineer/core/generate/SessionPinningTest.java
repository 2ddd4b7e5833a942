package dev.trafficengineer.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.TestFiles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("plan_rollout warns when the current route pins sessions")
class SessionPinningTest {

  @Test
  @DisplayName("sessionPersistence on a rule: the plan's first note warns, with its timeout")
  void ruleWithSessionPersistence() {
    RolloutPlan plan =
        RolloutPlanner.plan(
            lesson(TestFiles.read("simulate/sessions/canary-session-persistence.yaml")));

    assertThat(plan.notes().get(0))
        .startsWith(
            "Sessions are pinned: HTTPRoute task-api-canary rule 0 has sessionPersistence"
                + " (Cookie). Each stage's weight then applies only to new sessions")
        .contains("(absoluteTimeout 1h)", "simulate_traffic with sessions");
  }

  @Test
  @DisplayName("a BackendLBPolicy with sessionPersistence among the documents warns too")
  void backendLbPolicy() {
    String yaml =
        TestFiles.read("cli/lesson-canary.yaml")
            + "---\n"
            + TestFiles.read("simulate/sessions/backend-lb-policy.yaml");

    assertThat(RolloutPlanner.plan(lesson(yaml)).notes().get(0))
        .startsWith(
            "Sessions are pinned: BackendLBPolicy task-api-canary-affinity (targets"
                + " task-api-canary) has sessionPersistence (Cookie).")
        .contains("(no absoluteTimeout: as long as their clients keep them)");
  }

  @Test
  @DisplayName("a route without pinning adds no warning")
  void noPinning() {
    assertThat(RolloutPlanner.plan(lesson(TestFiles.read("cli/lesson-canary.yaml"))).notes())
        .noneMatch(note -> note.contains("Sessions are pinned"));
  }

  private static RolloutRequest lesson(String routeYaml) {
    return new RolloutRequest(
        "task-api",
        "task-api-gateway",
        "task-api-stable",
        "task-api-canary",
        8000,
        null,
        null,
        null,
        "/api/",
        null,
        null,
        null,
        null,
        routeYaml);
  }
}
