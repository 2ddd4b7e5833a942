package dev.trafficengineer.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class YamlReaderPropertiesTest {

  @Property(tries = 2_000)
  void arbitraryTextIsReadOrRefusedCleanly(@ForAll("yamlish") String text) {
    try {
      List<YamlDocument> documents = YamlReader.read(text);
      assertThat(documents).isNotEmpty();
    } catch (YamlInputException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  @Property(tries = 1_000)
  void anyStringIsReadOrRefusedCleanly(@ForAll String text) {
    try {
      YamlReader.read(text);
    } catch (YamlInputException refused) {
      assertThat(refused.line()).isNotNegative();
    }
  }

  /** Strings built from YAML's own punctuation, so the parser gets past its first character. */
  @Provide
  Arbitrary<String> yamlish() {
    Arbitrary<String> pieces =
        Arbitraries.of(
            "a",
            "b",
            ":",
            ": ",
            "- ",
            "\n",
            "  ",
            "[",
            "]",
            "{",
            "}",
            ",",
            "&x ",
            "*x",
            "!!str ",
            "!!int ",
            "?",
            "\"",
            "'",
            "#",
            "---\n",
            "...\n",
            "|\n",
            ">\n",
            "<<: ",
            "~",
            "1",
            "0x",
            "yes",
            "\t",
            "%YAML 1.1\n",
            "!",
            "@",
            "`",
            "\u00e9",
            "\ud83d\ude00",
            "\u0000",
            "\ud800",
            "%YAML 2.0\n",
            "%TAG ! tag:x,1:\n",
            "!<tag:yaml.org,2002:int> ",
            "!!float ",
            "!!null ",
            "? ",
            "*a",
            "&a ");
    return pieces.list().ofMaxSize(40).map(list -> String.join("", list));
  }
}
