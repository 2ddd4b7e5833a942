package dev.trafficengineer.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every bound of {@link YamlLimits}, each refused with a message that names it. */
class YamlReaderLimitsTest {

  @Test
  @DisplayName("refuses input over the size limit before parsing it")
  void size() {
    String big = "a: " + "x".repeat(20_000_000);

    assertThatThrownBy(() -> YamlReader.read(big))
        .isInstanceOf(YamlInputException.class)
        .hasMessage("input is 20,000,003 bytes; the limit is 8,388,608");
  }

  @Test
  @DisplayName("counts the size in UTF-8 bytes, not characters")
  void sizeInBytes() {
    YamlLimits limits = new YamlLimits(10, 10, 10, 10, 10, 10);

    assertThatThrownBy(() -> YamlReader.read("a: ééééé", limits))
        .hasMessage("input is 13 bytes; the limit is 10");
    assertThat(YamlReader.read("a: 1234567", limits)).hasSize(1);
  }

  @Test
  @DisplayName("refuses 100,000 nested flow sequences without overflowing the stack")
  void deepFlowSequences() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);

    assertThatThrownBy(() -> YamlReader.read(deep))
        .isInstanceOf(YamlInputException.class)
        .hasMessage("YAML nesting deeper than 64 levels at line 1");
  }

  @Test
  @DisplayName("refuses deeply nested block mappings, naming the line")
  void deepBlockMappings() {
    StringBuilder deep = new StringBuilder();
    for (int level = 0; level < 70; level++) {
      deep.append("  ".repeat(level)).append("k").append(level).append(":\n");
    }
    deep.append("  ".repeat(70)).append("leaf: 1\n");

    assertThatThrownBy(() -> YamlReader.read(deep.toString()))
        .isInstanceOf(YamlInputException.class)
        .hasMessage("YAML nesting deeper than 64 levels at line 65");
  }

  @Test
  @DisplayName("accepts nesting up to the limit")
  void nestingAtLimit() {
    String deep = "[".repeat(64) + "]".repeat(64);

    assertThat(YamlReader.read(deep)).hasSize(1);
  }

  @Test
  @DisplayName("refuses a billion laughs without expanding it")
  void billionLaughs() {
    assertThatThrownBy(() -> YamlReader.read(Fixtures.yaml("billion-laughs.yaml")))
        .isInstanceOf(YamlInputException.class)
        .hasMessage("more than 100 aliases");
  }

  @Test
  @DisplayName("refuses more aliases than allowed even when none is nested")
  void manyAliases() {
    String aliases = "a: &a [x]\nb: [" + "*a, ".repeat(150) + "*a]\n";

    assertThatThrownBy(() -> YamlReader.read(aliases))
        .isInstanceOf(YamlInputException.class)
        .hasMessage("more than 100 aliases");
  }

  @Test
  @DisplayName("refuses merge keys that multiply the input")
  void mergeBomb() {
    YamlLimits limits = new YamlLimits(1_000_000, 1_000_000, 1_000, 10, 64, 1_000);

    assertThatThrownBy(() -> YamlReader.read(Fixtures.yaml("merge-bomb.yaml"), limits))
        .isInstanceOf(YamlInputException.class)
        .hasMessageContaining("aliases expand the input to more than");
  }

  @Test
  @DisplayName("refuses a self-referencing alias")
  void recursiveAlias() {
    assertThatThrownBy(() -> YamlReader.read("a: &a [*a]"))
        .isInstanceOf(YamlInputException.class)
        .hasMessageContaining("YAML nesting deeper than 64 levels");
  }

  @Test
  @DisplayName("refuses more documents than allowed, counting empty ones")
  void documentCount() {
    String documents = "a: 1\n---\n".repeat(10_001);

    assertThatThrownBy(() -> YamlReader.read(documents))
        .isInstanceOf(YamlInputException.class)
        .hasMessage("more than 10,000 documents");
  }

  @Test
  @DisplayName("refuses binary input, naming the NUL byte and its offset")
  void nulByte() {
    assertThatThrownBy(() -> YamlReader.read("name: abc\u0000def"))
        .isInstanceOf(YamlInputException.class)
        .hasMessage("input is not text (NUL byte at offset 9)");
  }

  @Test
  @DisplayName("refuses other control characters")
  void controlCharacter() {
    assertThatThrownBy(() -> YamlReader.read("a: 1\nb: \u0007"))
        .isInstanceOf(YamlInputException.class)
        .hasMessage("input is not text (control character U+0007 at offset 8)")
        .extracting(e -> ((YamlInputException) e).line())
        .isEqualTo(2);
  }

  @Test
  @DisplayName("refuses a value whose explicit tag does not fit it")
  void mismatchedTag() {
    assertThatThrownBy(() -> YamlReader.read("weight: !!int ten"))
        .isInstanceOf(YamlInputException.class)
        .hasMessage("line 1: \"ten\" is tagged !!int but is not an integer");
  }

  @Test
  @DisplayName("refuses a mapping merged into itself, which would make the engine loop forever")
  void mergeIntoItself() {
    assertThatThrownBy(() -> YamlReader.read(Fixtures.yaml("merge-into-itself.yaml")))
        .isInstanceOf(YamlInputException.class)
        .hasMessage("line 3: the alias *d refers to a mapping or list that contains it");
  }

  @Test
  @DisplayName("refuses a document over the per-document limit, naming its line and size")
  void documentSize() {
    YamlLimits limits = new YamlLimits(1_000, 20, 1_000, 10, 10, 10);

    assertThatThrownBy(() -> YamlReader.read("a: 1\n---\nb: " + "x".repeat(30) + "\n", limits))
        .isInstanceOf(YamlInputException.class)
        .hasMessage("the document at line 2 is 38 bytes; the limit is 20 per document");
  }

  @Test
  @DisplayName("refuses a value over the length limit, naming its line and length")
  void scalarLength() {
    YamlLimits limits = new YamlLimits(1_000, 1_000, 10, 10, 10, 10);

    assertThatThrownBy(() -> YamlReader.read("a: 1\nb: " + "x".repeat(11) + "\n", limits))
        .isInstanceOf(YamlInputException.class)
        .hasMessage("line 2: a value of 11 characters; the limit is 10");
  }
}
