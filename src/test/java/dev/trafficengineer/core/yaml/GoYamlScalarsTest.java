package dev.trafficengineer.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Scalars resolve as go-yaml v2 resolves them for kubectl; each row is {@code v: <yaml>}. */
class GoYamlScalarsTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @ParameterizedTest(name = "{0} is {1} {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          "true"                 | string  | true
          'yes'                  | string  | yes
          "8000"                 | string  | 8000
          !!str 5                | string  | 5
          !!str true             | string  | true
          `|-\n  8000`           | string  | 8000
          true                   | boolean | true
          True                   | boolean | true
          TRUE                   | boolean | true
          yes                    | boolean | true
          Yes                    | boolean | true
          on                     | boolean | true
          ON                     | boolean | true
          y                      | boolean | true
          false                  | boolean | false
          no                     | boolean | false
          off                    | boolean | false
          N                      | boolean | false
          yEs                    | string  | yEs
          !!bool yes             | boolean | true
          ~                      | null    |
          null                   | null    |
          NULL                   | null    |
          ''                     | string  |
          8000                   | int     | 8000
          -42                    | int     | -42
          +7                     | int     | 7
          1_000                  | int     | 1000
          0x1F                   | int     | 31
          0o17                   | int     | 15
          017                    | int     | 15
          0b101                  | int     | 5
          -0x10                  | int     | -16
          9223372036854775807    | long    | 9223372036854775807
          18446744073709551615   | big     | 18446744073709551615
          !!int "8000"           | int     | 8000
          08                     | double  | 8.0
          1e3                    | double  | 1000.0
          1.5                    | double  | 1.5
          -.5                    | double  | -0.5
          .5                     | double  | 0.5
          1.                     | double  | 1.0
          18446744073709551616   | double  | 1.8446744073709552E19
          .inf                   | double  | Infinity
          -.Inf                  | double  | -Infinity
          .NaN                   | double  | NaN
          !!float 1              | double  | 1.0
          1e400                  | string  | 1e400
          0x                     | string  | 0x
          1.2.3                  | string  | 1.2.3
          2024-01-02             | string  | 2024-01-02
          10m                    | string  | 10m
          premium                | string  | premium
          _1                     | string  | _1
          ٣                      | string  | ٣
          """)
  void resolves(String yaml, String type, String expected) {
    JsonNode value = YamlReader.read("v: " + yaml.replace("\\n", "\n")).get(0).tree().get("v");

    assertThat(value).isEqualTo(expectedNode(type, expected));
  }

  private static JsonNode expectedNode(String type, String text) {
    return switch (type) {
      case "string" -> NODES.stringNode(text == null ? "" : text);
      case "boolean" -> NODES.booleanNode(Boolean.parseBoolean(text));
      case "null" -> NODES.nullNode();
      case "int" -> NODES.numberNode(Integer.parseInt(text));
      case "long" -> NODES.numberNode(Long.parseLong(text));
      case "big" -> NODES.numberNode(new BigInteger(text));
      case "double" -> NODES.numberNode(Double.parseDouble(text));
      default -> throw new IllegalArgumentException(type);
    };
  }
}
