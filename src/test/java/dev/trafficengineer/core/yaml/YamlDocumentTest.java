package dev.trafficengineer.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class YamlDocumentTest {

  private final YamlDocument document =
      new YamlDocument(
          0,
          JsonNodeFactory.instance.objectNode(),
          Map.of("", 2, "/spec", 5, "/spec/rules/0", 7, "/metadata/annotations/a~1b", 3));

  @Test
  @DisplayName("finds the line of an existing pointer")
  void existing() {
    assertThat(document.lineOf("/spec/rules/0")).isEqualTo(7);
    assertThat(document.lineOf("/metadata/annotations/a~1b")).isEqualTo(3);
  }

  @Test
  @DisplayName("falls back to the nearest existing ancestor")
  void ancestor() {
    assertThat(document.lineOf("/spec/rules/0/backendRefs/3/weight")).isEqualTo(7);
    assertThat(document.lineOf("/spec/rules/1")).isEqualTo(5);
    assertThat(document.lineOf("/status")).isEqualTo(2);
  }

  @Test
  @DisplayName("returns 0 when nothing is known")
  void unknown() {
    YamlDocument empty = new YamlDocument(0, JsonNodeFactory.instance.nullNode(), Map.of());

    assertThat(empty.lineOf("/spec")).isZero();
    assertThat(empty.lineOf("")).isZero();
  }

  @Test
  @DisplayName("escapes ~ before / so that the two never mix")
  void escape() {
    assertThat(YamlDocument.escape("a/b~c")).isEqualTo("a~1b~0c");
    assertThat(YamlDocument.escape("~1")).isEqualTo("~01");
    assertThat(YamlDocument.escape("plain")).isEqualTo("plain");
  }
}
