package dev.trafficengineer.core.yaml;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Resolves plain (unquoted, untagged) scalars the way go-yaml v2 does, because kubectl converts
 * YAML to JSON through sigs.k8s.io/yaml on go-yaml v2 (YAML 1.1), and that decides what the API
 * server sees: {@code on} is a boolean there, {@code 010} is 8 and {@code 08} is the float 8.0.
 *
 * <p>Timestamps are left out on purpose: go-yaml v2 hands them to sigs.k8s.io/yaml as strings.
 */
final class GoYamlScalars {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** go-yaml's {@code yamlStyleFloat}, applied after underscores are removed. */
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

  private static final BigInteger UINT64_MAX =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private static final Map<String, JsonNode> WORDS = words();

  private GoYamlScalars() {}

  /** Returns the JSON value of a plain scalar. */
  static JsonNode resolvePlain(String text) {
    JsonNode word = WORDS.get(text);
    if (word != null) {
      return word;
    }
    char first = text.charAt(0);
    if (first == '.') {
      return FLOAT.matcher(text).matches()
          ? NODES.numberNode(Double.parseDouble(text))
          : string(text);
    }
    if (first == '+' || first == '-' || (first >= '0' && first <= '9')) {
      JsonNode number = number(text.replace("_", ""));
      return number != null ? number : string(text);
    }
    return string(text);
  }

  static JsonNode string(String text) {
    return NODES.stringNode(text);
  }

  private static JsonNode number(String plain) {
    BigInteger integer = goParseInt(plain);
    if (integer != null) {
      if (integer.bitLength() < 32) {
        return NODES.numberNode(integer.intValue());
      }
      if (integer.bitLength() < 64) {
        return NODES.numberNode(integer.longValue());
      }
      // go-yaml falls back to ParseUint, which takes no sign, then to a float.
      boolean signed = plain.charAt(0) == '+' || plain.charAt(0) == '-';
      if (!signed && integer.compareTo(UINT64_MAX) <= 0) {
        return NODES.numberNode(integer);
      }
    }
    if (FLOAT.matcher(plain).matches()) {
      double value = Double.parseDouble(plain);
      // Go's ParseFloat reports overflow as an error, so go-yaml keeps the text.
      return Double.isInfinite(value) ? null : NODES.numberNode(value);
    }
    return null;
  }

  /** Go's {@code strconv.ParseInt(s, 0, ...)} without the range check: prefixes 0x, 0o, 0b, 0. */
  private static BigInteger goParseInt(String text) {
    int start = text.startsWith("+") || text.startsWith("-") ? 1 : 0;
    String digits = text.substring(start);
    int radix = 10;
    if (digits.length() >= 2 && digits.charAt(0) == '0') {
      switch (Character.toLowerCase(digits.charAt(1))) {
        case 'x' -> {
          radix = 16;
          digits = digits.substring(2);
        }
        case 'o' -> {
          radix = 8;
          digits = digits.substring(2);
        }
        case 'b' -> {
          radix = 2;
          digits = digits.substring(2);
        }
        default -> {
          radix = 8;
          digits = digits.substring(1);
        }
      }
    }
    if (digits.isEmpty()) {
      return null;
    }
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c > 127 || Character.digit(c, radix) < 0) {
        return null;
      }
    }
    BigInteger value = new BigInteger(digits, radix);
    return text.startsWith("-") ? value.negate() : value;
  }

  private static Map<String, JsonNode> words() {
    Map<String, JsonNode> words = new HashMap<>();
    put(words, NODES.booleanNode(true), "y Y yes Yes YES true True TRUE on On ON");
    put(words, NODES.booleanNode(false), "n N no No NO false False FALSE off Off OFF");
    put(words, NODES.nullNode(), "~ null Null NULL");
    words.put("", NODES.nullNode());
    put(words, NODES.numberNode(Double.NaN), ".nan .NaN .NAN");
    put(words, NODES.numberNode(Double.POSITIVE_INFINITY), ".inf .Inf .INF +.inf +.Inf +.INF");
    put(words, NODES.numberNode(Double.NEGATIVE_INFINITY), "-.inf -.Inf -.INF");
    return Map.copyOf(words);
  }

  private static void put(Map<String, JsonNode> words, JsonNode value, String spellings) {
    for (String spelling : List.of(spellings.split(" "))) {
      words.put(spelling, value);
    }
  }
}
