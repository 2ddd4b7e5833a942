package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.generate.BackendShare;
import dev.trafficengineer.core.generate.Decision;
import dev.trafficengineer.core.generate.RolloutPlan;
import dev.trafficengineer.core.generate.RolloutStage;
import dev.trafficengineer.core.generate.RouteResult;
import dev.trafficengineer.core.generate.RuleSplit;
import dev.trafficengineer.core.generate.SplitSummary;
import dev.trafficengineer.core.patch.ShellCommand;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The human-readable outputs, from hand-made results so that they do not depend on core. */
class PrintersTest {
  private static final ShellCommand APPLY =
      ShellCommand.safe("Apply it", "kubectl apply -f r.yaml");
  private static final ShellCommand DELETE =
      ShellCommand.destructive("Remove the old Service", "kubectl delete service old -n ns");

  @Test
  @DisplayName("route summary: the split of each rule in percent, the notes, the next commands")
  void routeSummary() {
    RouteResult result =
        new RouteResult(
            "ns/r",
            "r-route.yaml",
            "kind: HTTPRoute\n",
            List.of(
                new RuleSplit(
                    0,
                    "path prefix /",
                    List.of(
                        new BackendShare("a", 80, 2, 66.67), new BackendShare("b", 80, 1, 33.33)))),
            List.of(APPLY, DELETE),
            List.of("Weights are proportional."));

    assertThat(RoutePrinter.summary(result))
        .isEqualTo(
            """
            HTTPRoute ns/r
              rule 0, path prefix /: a 66.67%, b 33.33%
              - Weights are proportional.
            Next:
              # Apply it
              kubectl apply -f r.yaml
              # DESTRUCTIVE: Remove the old Service
              kubectl delete service old -n ns
            """);
  }

  @Test
  @DisplayName("plan text: the first stage's route, every stage's commands and gates, then finish")
  void planText() {
    RolloutPlan plan =
        new RolloutPlan(
            "ns/r",
            List.of(
                new RolloutStage(
                    1,
                    5,
                    95,
                    "Create the route",
                    "kind: HTTPRoute\n",
                    List.of(APPLY),
                    List.of("error rate below 1%")),
                new RolloutStage(
                    2,
                    25,
                    75,
                    "canary 5% -> 25%",
                    "kind: HTTPRoute # 25\n",
                    List.of(ShellCommand.safe("Patch", "kubectl patch ...")),
                    List.of("p99 ok"))),
            List.of(DELETE),
            List.of("Watch the dashboards."));

    String text = PlanPrinter.text(plan);

    assertThat(text)
        .startsWith("Rollout of HTTPRoute ns/r in 2 stages\n")
        .contains(
            "Stage 1: canary 5%, stable 95%\n  Create the route\n  Route:\n    kind: HTTPRoute\n")
        .contains("  Move on only when:\n    - error rate below 1%\n")
        .contains("Stage 2: canary 25%, stable 75%\n  canary 5% -> 25%\n  Run:\n    # Patch\n")
        .contains("After the rollout:\n  # DESTRUCTIVE: Remove the old Service\n")
        .endsWith("Notes:\n  - Watch the dashboards.\n")
        .doesNotContain("# 25");
  }

  @Test
  @DisplayName("decision text names the next tool and the command that mirrors it")
  void decisionText() {
    Decision decision =
        new Decision(
            "blue-green",
            List.of("instant switch"),
            List.of("run the migration first"),
            "generate_blue_green");

    assertThat(DecisionPrinter.text(decision))
        .isEqualTo(
            """
            Pattern: blue-green
            Why:
              - instant switch
            Watch out:
              - run the migration first
            Next: generate_blue_green (traffic-engineer blue-green --help)
            """);
  }

  @Test
  @DisplayName("percentages drop a trailing .0")
  void percent() {
    assertThat(SplitSummary.percentText(95.0)).isEqualTo("95%");
    assertThat(SplitSummary.percentText(33.33)).isEqualTo("33.33%");
    assertThat(SplitSummary.percentText(0)).isEqualTo("0%");
  }
}
