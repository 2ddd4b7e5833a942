package dev.trafficengineer.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TabSeparatorsTest {
  @Test
  @DisplayName("a tab after key: reads as the space kubectl takes it for")
  void tabAfterColonIsASeparator() {
    JsonNode withTabs = YamlReader.read(Fixtures.yaml("tab-after-colon.yaml")).get(0).tree();
    JsonNode withSpaces =
        YamlReader.read(Fixtures.yaml("tab-after-colon.spaces.yaml")).get(0).tree();

    assertThat(withTabs).isEqualTo(withSpaces);
    assertThat(withTabs.at("/spec/rules/0/backendRefs/0/port").asInt()).isEqualTo(8000);
  }

  @Test
  @DisplayName("keeps lines and columns: each tab becomes one space")
  void sameLength() {
    String text = Fixtures.yaml("tab-after-colon.yaml");

    String replaced = TabSeparators.replace(text);

    assertThat(replaced).hasSameSizeAs(text).doesNotContain("\t");
    assertThat(replaced.lines()).hasSameSizeAs(text.lines().toList());
  }

  @Test
  @DisplayName("tabs inside values and block scalars stay")
  void tabsInValuesStay() {
    JsonNode annotations =
        YamlReader.read(Fixtures.yaml("tab-in-values.yaml"))
            .get(0)
            .tree()
            .at("/metadata/annotations");

    assertThat(annotations.get("note").asString()).isEqualTo("keep:\tthis tab\n");
    assertThat(annotations.get("quoted").asString()).isEqualTo("a\tb");
    assertThat(annotations.get("other").asString()).isEqualTo("plain");
  }

  @Test
  @DisplayName("a tab that indents is still refused, with its line")
  void tabIndentationIsRefused() {
    assertThatThrownBy(() -> YamlReader.read(Fixtures.yaml("tab-indentation.yaml")))
        .isInstanceOf(YamlInputException.class)
        .hasMessageContaining("line 4")
        .hasMessageContaining("a tab cannot indent YAML");
  }
}
