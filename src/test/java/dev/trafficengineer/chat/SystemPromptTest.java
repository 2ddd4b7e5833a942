package dev.trafficengineer.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SystemPrompt")
class SystemPromptTest {
  @Test
  @DisplayName("is the terminal setting followed by the skill's body, without its front matter")
  void skillBody() {
    String prompt = SystemPrompt.text();

    assertThat(prompt)
        .startsWith("You are a traffic engineer in a terminal chat")
        .contains("# traffic-engineer\n", "## Rollback at 3 AM", "`rollback_patch`")
        .doesNotContain("name: traffic-engineer\ndescription:");
  }

  @Test
  @DisplayName("text without front matter is kept whole")
  void noFrontMatter() {
    assertThat(SystemPrompt.withoutFrontMatter("# title\n")).isEqualTo("# title\n");
    assertThat(SystemPrompt.withoutFrontMatter("---\nname: x\n---\n# title\n"))
        .isEqualTo("# title\n");
  }
}
