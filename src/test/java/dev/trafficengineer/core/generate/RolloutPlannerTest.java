package dev.trafficengineer.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.patch.ShellCommand;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RolloutPlanner")
class RolloutPlannerTest {
  private static final RolloutRequest LESSON =
      new RolloutRequest(
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
          null);

  @Test
  @DisplayName("plans the lesson's stages 5, 25, 50, 100 with the lesson's routes")
  void lessonStages() {
    RolloutPlan plan = RolloutPlanner.plan(LESSON);

    assertThat(plan.route()).isEqualTo("task-api/task-api-canary");
    assertThat(plan.stages())
        .extracting(RolloutStage::canaryPercent)
        .containsExactly(5, 25, 50, 100);
    assertThat(plan.stages())
        .extracting(RolloutStage::stablePercent)
        .containsExactly(95, 75, 50, 0);
    List<String> golden =
        List.of("lesson-canary-5", "lesson-canary-25", "lesson-canary-50", "lesson-canary-100");
    for (int i = 0; i < golden.size(); i++) {
      assertThat(plan.stages().get(i).yaml())
          .as("stage %d", i + 1)
          .isEqualTo(TestFiles.read("golden/" + golden.get(i) + ".yaml"));
    }
  }

  @Test
  @DisplayName("applies the first stage and patches every later one, each with its own rollback")
  void commandsPerStage() {
    RolloutPlan plan = RolloutPlanner.plan(LESSON);

    assertThat(plan.stages().get(0).commands())
        .extracting(ShellCommand::command)
        .anyMatch(c -> c.equals("kubectl apply -f task-api-canary-route.yaml"));
    for (RolloutStage stage : plan.stages().subList(1, 4)) {
      assertThat(stage.commands())
          .extracting(ShellCommand::command)
          .noneMatch(c -> c.startsWith("kubectl apply"))
          .anyMatch(c -> c.contains("--type=json --dry-run=server -p "));
      assertThat(stage.changes()).endsWith("Nothing else in the route changes.");
    }
    assertThat(plan.stages())
        .allSatisfy(
            stage ->
                assertThat(stage.commands())
                    .anyMatch(c -> c.purpose().startsWith("If the gate fails: roll back")));
  }

  @Test
  @DisplayName("ends with the lesson's clean-up, deletes marked destructive and last")
  void afterRollout() {
    List<ShellCommand> after = RolloutPlanner.plan(LESSON).afterRollout();

    assertThat(after.subList(after.size() - 2, after.size()))
        .extracting(ShellCommand::command, ShellCommand::destructive)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "kubectl delete deployment task-api-canary -n task-api", true),
            org.assertj.core.groups.Tuple.tuple(
                "kubectl delete service task-api-canary -n task-api", true));
    assertThat(after.subList(0, after.size() - 2)).noneMatch(ShellCommand::destructive);
  }

  @Test
  @DisplayName("starts at canaryWeight and continues with the default stages above it")
  void startsAtCanaryWeight() {
    RolloutRequest from10 =
        new RolloutRequest(
            "task-api",
            "gw",
            "task-api-stable",
            "task-api-canary",
            8000,
            null,
            10,
            null,
            null,
            null,
            null,
            null,
            null);

    assertThat(RolloutPlanner.plan(from10).stages())
        .extracting(RolloutStage::canaryPercent)
        .containsExactly(10, 25, 50, 100);
  }

  @Test
  @DisplayName("leaves out the clean-up when the last stage is below 100%")
  void partialRollout() {
    RolloutRequest partial =
        new RolloutRequest(
            "task-api",
            "gw",
            "task-api-stable",
            "task-api-canary",
            8000,
            List.of(1, 10),
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    RolloutPlan plan = RolloutPlanner.plan(partial);

    assertThat(plan.afterRollout()).isEmpty();
    assertThat(plan.notes().get(0)).contains("10%");
  }
}
