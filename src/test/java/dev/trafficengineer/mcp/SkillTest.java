package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.generate.DecisionFramework;
import dev.trafficengineer.core.generate.DecisionRequest;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Agent Skill")
class SkillTest {
  private static final String SKILL = TestFiles.read(TestFiles.project("skill/SKILL.md"));
  private static final String FRAMEWORK =
      TestFiles.read(TestFiles.project("skill/decision-framework.md"));

  /** The lesson's table: question, the pattern for yes, the pattern for no. */
  private static final List<String> TABLE =
      List.of(
          "| Question | If Yes | If No |",
          "|---|---|---|",
          "| Need instant switch? | Blue-green | Canary |",
          "| Testing specific users? | A/B testing | Canary |",
          "| Database migration? | Blue-green | Canary |",
          "| Gradual risk reduction? | Canary | Blue-green |");

  @Test
  @DisplayName("SKILL.md has the name and description an agent loads it by")
  void frontMatter() {
    PromptFile skill = PromptFile.parse("SKILL.md", SKILL);

    assertThat(skill.name()).isEqualTo("traffic-engineer");
    assertThat(skill.description()).contains("HTTPRoute", "canary", "roll");
  }

  @Test
  @DisplayName("SKILL.md and the decision-framework resource carry the lesson's table")
  void carriesTheTable() {
    assertThat(SKILL.lines().toList()).containsSubsequence(TABLE);
    assertThat(FRAMEWORK.lines().toList()).containsSubsequence(TABLE);
  }

  @Test
  @DisplayName("the decision_framework tool answers each question of the table as the table does")
  void toolAgreesWithTable() {
    assertThat(decide(request(true, null, null, null))).isEqualTo("blue-green");
    assertThat(decide(request(false, null, null, null))).isEqualTo("canary");
    assertThat(decide(request(null, true, null, null))).isEqualTo("ab-test");
    assertThat(decide(request(null, false, null, null))).isEqualTo("canary");
    assertThat(decide(request(null, null, true, null))).isEqualTo("blue-green");
    assertThat(decide(request(null, null, false, null))).isEqualTo("canary");
    assertThat(decide(request(null, null, null, true))).isEqualTo("canary");
    assertThat(decide(request(null, null, null, false))).isEqualTo("blue-green");
  }

  @Test
  @DisplayName("SKILL.md names every tool it tells the assistant to call")
  void namesTools() {
    assertThat(SKILL)
        .contains(McpContractNames.TOOLS.stream().map(name -> "`" + name + "`").toList());
  }

  private static String decide(DecisionRequest request) {
    return DecisionFramework.decide(request).pattern();
  }

  private static DecisionRequest request(
      Boolean instantSwitch, Boolean specificUsers, Boolean migration, Boolean gradual) {
    return new DecisionRequest(instantSwitch, specificUsers, migration, gradual, null, null, null);
  }
}
