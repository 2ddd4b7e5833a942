package dev.trafficengineer.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** What kubectl sends for a YAML value, and what the API server keeps of it. */
class SentJsonTest {

  @ParameterizedTest(name = "{0} is sent as an integer: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          8000      | true  | 8000
          8000.0    | true  | 8000
          8e3       | true  | 8000
          -0.0      | true  | 0
          08        | true  | 8
          1e20      | true  | 9223372036854775807
          1e21      | false |
          0.5       | false |
          .nan      | false |
          .inf      | false |
          "8000"    | false |
          true      | false |
          """)
  void wholeFloatsAreIntegers(String yaml, boolean integer, Long value) {
    JsonNode node = YamlReader.read("v: " + yaml).get(0).tree().get("v");

    assertThat(SentJson.isInteger(node)).isEqualTo(integer);
    assertThat(SentJson.longValue(node)).isEqualTo(value);
  }

  @Test
  @DisplayName("null fields are dropped, null list items kept, whole floats become integers")
  void treeAsTheApiServerValidatesIt() {
    JsonNode tree =
        YamlReader.read("a: null\nb: [null, 5.0, {c: null, d: 1.5}]\ne: {f: 80.0}").get(0).tree();

    assertThat(SentJson.of(tree).toString())
        .isEqualTo("{\"b\":[null,5,{\"d\":1.5}],\"e\":{\"f\":80}}");
  }

  @Test
  @DisplayName("a tree with nothing to change is returned as it is, not copied")
  void unchangedTreeIsNotCopied() {
    JsonNode tree = YamlReader.read("a: [1, x, {b: 1.5}]").get(0).tree();

    assertThat(SentJson.of(tree)).isSameAs(tree);
  }
}
