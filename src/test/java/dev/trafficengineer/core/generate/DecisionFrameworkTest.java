package dev.trafficengineer.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("DecisionFramework")
class DecisionFrameworkTest {

  static DecisionRequest only(String question, boolean answer) {
    Boolean a = answer;
    return switch (question) {
      case "instantSwitch" -> new DecisionRequest(a, null, null, null, null, null, null);
      case "specificUsers" -> new DecisionRequest(null, a, null, null, null, null, null);
      case "databaseMigration" -> new DecisionRequest(null, null, a, null, null, null, null);
      case "gradualRiskReduction" -> new DecisionRequest(null, null, null, a, null, null, null);
      case "breakingApiChange" -> new DecisionRequest(null, null, null, null, a, null, null);
      case "compliance" -> new DecisionRequest(null, null, null, null, null, a, null);
      case "performanceTesting" -> new DecisionRequest(null, null, null, null, null, null, a);
      default -> throw new IllegalArgumentException(question);
    };
  }

  /** The lesson's "Decision Framework for Your Skill" table, and its "When to Use" table. */
  @ParameterizedTest(name = "{0} = {1} -> {2}")
  @CsvSource({
    "instantSwitch,        true,  blue-green, generate_blue_green",
    "instantSwitch,        false, canary,     plan_rollout",
    "specificUsers,        true,  ab-test,    generate_ab_test",
    "specificUsers,        false, canary,     plan_rollout",
    "databaseMigration,    true,  blue-green, generate_blue_green",
    "databaseMigration,    false, canary,     plan_rollout",
    "gradualRiskReduction, true,  canary,     plan_rollout",
    "gradualRiskReduction, false, blue-green, generate_blue_green",
    "breakingApiChange,    true,  blue-green, generate_blue_green",
    "compliance,           true,  blue-green, generate_blue_green",
    "performanceTesting,   true,  canary,     plan_rollout",
  })
  @DisplayName("answers each question of the lesson's table alone as the lesson does")
  void lessonTable(String question, boolean answer, String pattern, String nextTool) {
    Decision decision = DecisionFramework.decide(only(question, answer));

    assertThat(decision.pattern()).isEqualTo(pattern);
    assertThat(decision.nextTool()).isEqualTo(nextTool);
    assertThat(decision.reasons()).isNotEmpty();
  }

  @Test
  @DisplayName("defaults to a canary when nothing is known")
  void nothingKnown() {
    Decision decision =
        DecisionFramework.decide(new DecisionRequest(null, null, null, null, null, null, null));

    assertThat(decision.pattern()).isEqualTo("canary");
    assertThat(decision.reasons()).hasSize(1);
  }

  @Nested
  @DisplayName("when answers conflict")
  class Conflicts {
    @Test
    @DisplayName("targeting users wins over an instant switch, and the caveat says so")
    void specificUsersAndInstantSwitch() {
      Decision decision =
          DecisionFramework.decide(new DecisionRequest(true, true, null, null, null, null, null));

      assertThat(decision.pattern()).isEqualTo("ab-test");
      assertThat(decision.caveats()).anyMatch(c -> c.contains("generate_blue_green"));
    }

    @Test
    @DisplayName("an instant switch wins over gradual risk reduction, and the caveat says so")
    void instantSwitchAndGradual() {
      Decision decision =
          DecisionFramework.decide(new DecisionRequest(true, null, null, true, null, null, null));

      assertThat(decision.pattern()).isEqualTo("blue-green");
      assertThat(decision.caveats()).anyMatch(c -> c.contains("gradual risk reduction"));
    }

    @Test
    @DisplayName("a database migration with performance testing is blue-green, with schema advice")
    void migrationAndPerformance() {
      Decision decision =
          DecisionFramework.decide(new DecisionRequest(null, null, true, null, null, null, true));

      assertThat(decision.pattern()).isEqualTo("blue-green");
      assertThat(decision.caveats())
          .anyMatch(c -> c.contains("performance testing"))
          .anyMatch(c -> c.contains("backward-compatible"));
    }

    @Test
    @DisplayName("every blue-green reason is listed, not just the first")
    void allReasons() {
      Decision decision =
          DecisionFramework.decide(new DecisionRequest(true, false, true, false, true, true, null));

      assertThat(decision.pattern()).isEqualTo("blue-green");
      assertThat(decision.reasons()).hasSize(5);
    }
  }
}
