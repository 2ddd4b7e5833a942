package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficengineer.core.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

@DisplayName("Front matter")
class FrontMatterTest {

  static Stream<Path> files() throws IOException {
    try (Stream<Path> prompts = Files.list(TestFiles.project("prompts"))) {
      return Stream.concat(
          prompts.toList().stream(), Stream.of(TestFiles.project("skill/SKILL.md")));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  @DisplayName("reads as a YAML parser reads it")
  void agreesWithYaml(Path file) {
    String text = TestFiles.read(file);
    String yaml = text.substring(4, text.indexOf("\n---\n") + 1);

    Object expected = strings(new Load(LoadSettings.builder().build()).loadFromString(yaml));

    assertThat(FrontMatter.parse(file.toString(), yaml)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "name: a\n  nested: b\n",
        "description: \"escaped \\\" quote\"\n",
        "description: text # comment\n",
        "- item\n"
      })
  @DisplayName("refuses YAML beyond its subset instead of misreading it")
  void refusesOtherYaml(String yaml) {
    assertThatThrownBy(() -> FrontMatter.parse("test.md", yaml))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("test.md: ");
  }

  /** Scalars as text, as the prompt loader uses them. */
  private static Object strings(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((key, item) -> copy.put(key.toString(), strings(item)));
      return copy;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(FrontMatterTest::strings).toList();
    }
    return value == null ? null : value.toString();
  }
}
