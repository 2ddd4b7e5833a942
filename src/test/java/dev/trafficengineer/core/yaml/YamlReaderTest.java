package dev.trafficengineer.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class YamlReaderTest {

  @Nested
  @DisplayName("on the Canary with Premium Protection route")
  class CanaryRoute {

    private final YamlDocument document =
        YamlReader.read(Fixtures.yaml("canary-with-premium-protection.yaml")).get(0);

    @Test
    @DisplayName("builds the tree the API server would see")
    void buildsTree() {
      JsonNode tree = document.tree();
      assertThat(tree.at("/metadata/name").asString()).isEqualTo("task-api-canary");
      assertThat(tree.at("/spec/rules/1/backendRefs/1/weight").isInt()).isTrue();
      assertThat(tree.at("/spec/rules/1/backendRefs/1/weight").asInt()).isEqualTo(5);
      assertThat(tree.at("/spec/rules/0/matches/0/headers/0/value").asString())
          .isEqualTo("premium");
    }

    @Test
    @DisplayName("maps an entry to the line of its key and an item to the line it starts on")
    void recordsLines() {
      assertThat(document.lines())
          .containsEntry("", 3)
          .containsEntry("/apiVersion", 3)
          .containsEntry("/metadata", 5)
          .containsEntry("/spec/parentRefs/0", 12)
          .containsEntry("/spec/parentRefs/0/sectionName", 14)
          .containsEntry("/spec/hostnames/0", 16)
          .containsEntry("/spec/rules", 18)
          .containsEntry("/spec/rules/0", 20)
          .containsEntry("/spec/rules/0/matches/0/path", 21)
          .containsEntry("/spec/rules/0/matches/0/headers/0/name", 25)
          .containsEntry("/spec/rules/1", 32)
          .containsEntry("/spec/rules/1/backendRefs/1", 40)
          .containsEntry("/spec/rules/1/backendRefs/1/weight", 42);
    }

    @Test
    @DisplayName("points a missing field at its nearest existing ancestor")
    void lineOfMissingField() {
      assertThat(document.lineOf("/spec/rules/1/backendRefs/0/weight")).isEqualTo(39);
      assertThat(document.lineOf("/spec/rules/1/backendRefs/0/filters/0")).isEqualTo(37);
      assertThat(document.lineOf("/status/parents")).isEqualTo(3);
    }
  }

  @Test
  @DisplayName("numbers non-empty documents from 0 and skips empty ones")
  void multipleDocuments() {
    List<YamlDocument> documents = YamlReader.read(Fixtures.yaml("two-routes.yaml"));

    assertThat(documents).extracting(YamlDocument::index).containsExactly(0, 1);
    assertThat(documents.get(1).tree().at("/metadata/name").asString()).isEqualTo("ab-test");
    assertThat(documents.get(1).lineOf("/metadata/name")).isEqualTo(13);
  }

  @Test
  @DisplayName("reads flow style with lines")
  void flowStyle() {
    YamlDocument document = YamlReader.read(Fixtures.yaml("flow-style.yaml")).get(0);

    assertThat(document.tree().at("/spec/rules/0/backendRefs/1/weight").asInt()).isEqualTo(10);
    assertThat(document.lineOf("/metadata/namespace")).isEqualTo(2);
    assertThat(document.lineOf("/spec/rules/0/backendRefs/1")).isEqualTo(5);
  }

  @Test
  @DisplayName("escapes ~ and / in keys as RFC 6901 says")
  void escapesKeys() {
    YamlDocument document = YamlReader.read(Fixtures.yaml("keys-needing-escapes.yaml")).get(0);

    assertThat(document.lines())
        .containsEntry("/metadata/annotations/example.com~1owner", 3)
        .containsEntry("/metadata/annotations/odd~0key", 4)
        .containsEntry("/metadata/annotations/a~1b~0c", 5);
    assertThat(document.tree().at("/metadata/annotations/a~1b~0c").asString()).isEqualTo("both");
  }

  @Test
  @DisplayName("applies merge keys as go-yaml v2 does, explicit keys winning")
  void mergeKeys() {
    JsonNode stable = YamlReader.read(Fixtures.yaml("merge-keys.yaml")).get(0).tree().get("stable");

    assertThat(stable.get("port").asInt()).isEqualTo(8000);
    assertThat(stable.get("weight").asInt()).isEqualTo(95);
    assertThat(stable.get("name").asString()).isEqualTo("task-api-stable");
  }

  @Test
  @DisplayName("gives a non-string scalar key its text")
  void nonStringKeys() {
    JsonNode tree = YamlReader.read("{8000: a, true: b, ~: c}").get(0).tree();

    assertThat(tree.propertyNames()).containsExactly("8000", "true", "~");
  }

  @Test
  @DisplayName("refuses a mapping as a key")
  void mappingKey() {
    assertThatThrownBy(() -> YamlReader.read("? {a: b}\n: c\n"))
        .isInstanceOf(YamlInputException.class)
        .hasMessage("line 1: a mapping key must be a single value, not a mapping or list");
  }

  @Test
  @DisplayName("reports a syntax error with its line and column")
  void syntaxError() {
    assertThatThrownBy(() -> YamlReader.read(Fixtures.yaml("syntax-error.yaml")))
        .isInstanceOf(YamlInputException.class)
        .hasMessage("line 3, column 15: mapping values are not allowed here")
        .extracting(e -> ((YamlInputException) e).line())
        .isEqualTo(3);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a:\\n\\tb: 1    | line 2, column 1: a tab cannot indent YAML; use spaces
          a: "unclosed  | line 1, column 13: found unexpected end of stream
          a: *nope      | line 1, column 4: found undefined alias nope
          %YAML 2.0\\n--- a | unsupported YAML version 2.0
          """)
  @DisplayName("phrases snakeyaml's problems briefly")
  void briefProblems(String yaml, String message) {
    String text = yaml.replace("\\n", "\n").replace("\\t", "\t");

    assertThatThrownBy(() -> YamlReader.read(text))
        .isInstanceOf(YamlInputException.class)
        .hasMessage(message);
  }

  @Test
  @DisplayName("refuses a duplicate key, naming it and its line")
  void duplicateKey() {
    assertThatThrownBy(() -> YamlReader.read(Fixtures.yaml("duplicate-key.yaml")))
        .isInstanceOf(YamlInputException.class)
        .hasMessage("line 5: duplicate key \"name\" in one mapping")
        .extracting(e -> ((YamlInputException) e).line())
        .isEqualTo(5);
  }

  @Test
  @DisplayName("refuses input with no document")
  void emptyInput() {
    for (String empty : List.of("", "   \n\n", "# only a comment\n", "---\n---\n")) {
      assertThatThrownBy(() -> YamlReader.read(empty))
          .isInstanceOf(YamlInputException.class)
          .hasMessage("input is empty");
    }
  }
}
