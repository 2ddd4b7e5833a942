package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.generate.Decision;
import dev.trafficengineer.core.generate.RolloutPlan;
import dev.trafficengineer.core.generate.RolloutStage;
import dev.trafficengineer.core.patch.ShellCommand;
import dev.trafficengineer.core.rollback.Rollback;
import dev.trafficengineer.core.rollback.RollbackRequest;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ResultText")
class ResultTextTest {
  @Test
  @DisplayName("a rollout plan reads stage by stage, then the steps after it")
  void rendersPlan() {
    RolloutPlan plan =
        new RolloutPlan(
            "task-api/task-api-canary",
            List.of(
                new RolloutStage(
                    1,
                    5,
                    95,
                    "Creates the route.",
                    "kind: HTTPRoute\n",
                    List.of(ShellCommand.safe("Apply it", "kubectl apply -f r.yaml")),
                    List.of("error rate below 1%"))),
            List.of(ShellCommand.destructive("Remove the old stable", "kubectl delete svc old")),
            List.of("Watch the dashboards."));

    assertThat(ResultText.of(plan))
        .isEqualTo(
            """
            Rollout of task-api/task-api-canary in 1 stages:

            ## Stage 1: canary 5%, stable 95%
            Creates the route.

            kind: HTTPRoute

            Commands:
            - Apply it:
                kubectl apply -f r.yaml

            Gate before the next stage:
            - error rate below 1%

            After the rollout:
            - (destructive) Remove the old stable:
                kubectl delete svc old

            Notes:
            - Watch the dashboards.
            """);
  }

  @Test
  @DisplayName("a decision reads pattern, reasons, caveats and the next tool")
  void rendersDecision() {
    Decision decision =
        new Decision(
            "blue-green",
            List.of("An instant switch is needed."),
            List.of(),
            "generate_blue_green");

    assertThat(ResultText.of(decision))
        .isEqualTo(
            """
            Pattern: blue-green

            Why:
            - An instant switch is needed.

            Next: call generate_blue_green
            """);
  }

  @Test
  @DisplayName("a rollback names the route's kind: a GRPCRoute is not called an HTTPRoute")
  void rollbackNamesTheKind() {
    String text =
        ResultText.of(
            Rollback.compute(
                new RollbackRequest(
                    TestFiles.read("rollback/grpc/orders-canary.live.yaml"),
                    null,
                    null,
                    null,
                    null)));

    assertThat(text).startsWith("GRPCRoute ").doesNotContain("HTTPRoute");
  }
}
