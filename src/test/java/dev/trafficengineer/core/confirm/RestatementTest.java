package dev.trafficengineer.core.confirm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.generate.BackendShare;
import dev.trafficengineer.core.generate.RuleSplit;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("one-line restatement of a change")
class RestatementTest {
  private static RuleSplit rule(int index, int stable, int canary) {
    double total = stable + canary;
    return new RuleSplit(
        index,
        "path /",
        List.of(
            new BackendShare("task-api-stable", 8000, stable, stable * 100 / total),
            new BackendShare("task-api-canary", 8000, canary, canary * 100 / total)));
  }

  @Test
  @DisplayName("names the route, the rule and only the shares that move")
  void lesson() {
    String line =
        Restatement.of(
            "task-api/task-api-canary",
            List.of(rule(0, 100, 0), rule(1, 95, 5)),
            List.of(rule(0, 100, 0), rule(1, 75, 25)),
            0);

    assertThat(line)
        .isEqualTo(
            "task-api/task-api-canary rule 1: task-api-stable 95 % → 75 %, task-api-canary 5 %"
                + " → 25 %");
  }

  @Test
  @DisplayName("thirds are rounded to two decimals; removed rules and other fields are counted")
  void rounding() {
    String line =
        Restatement.of("ns/r", List.of(rule(0, 1, 1), rule(1, 1, 1)), List.of(rule(0, 2, 1)), 2);

    assertThat(line)
        .isEqualTo(
            "ns/r rule 0: task-api-stable 50 % → 66.67 %, task-api-canary 50 % → 33.33 %;"
                + " 1 rule(s) removed; 2 other field changes");
  }
}
