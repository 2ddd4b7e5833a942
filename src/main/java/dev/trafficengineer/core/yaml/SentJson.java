package dev.trafficengineer.core.yaml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the API server receives for a document read by {@link YamlReader}. kubectl turns YAML into
 * JSON with Go's encoder, which writes the float 8000.0 as {@code 8000}, so the server reads a
 * whole float as an integer; and the server drops a null object field before it validates anything
 * (apiextensions' PruneNonNullableNullsWithoutDefaults), so a null field is an omitted one.
 */
public final class SentJson {

  /** Go's encoder switches to exponent notation from 1e21 on, which no longer reads as integer. */
  private static final double EXPONENT_FROM = 1e21;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SentJson() {}

  /**
   * Returns whether {@code node} is an integer once sent: an integer, or a whole float below 1e21.
   */
  public static boolean isInteger(JsonNode node) {
    if (node == null || !node.isNumber()) {
      return false;
    }
    if (node.isIntegralNumber()) {
      return true;
    }
    double value = node.asDouble();
    return Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < EXPONENT_FROM;
  }

  /**
   * Returns the integer {@code node} is sent as, or null when it is not one ({@link #isInteger});
   * beyond the range of a long, the nearest end of it.
   */
  public static Long longValue(JsonNode node) {
    if (!isInteger(node)) {
      return null;
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong()
          ? node.longValue()
          : node.bigIntegerValue().signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    double value = node.asDouble();
    return value >= Long.MAX_VALUE
        ? Long.MAX_VALUE
        : value <= Long.MIN_VALUE ? Long.MIN_VALUE : (long) value;
  }

  /** Returns a copy of {@code tree} as the API server validates it: whole floats, null fields. */
  public static JsonNode of(JsonNode tree) {
    if (tree.isObject()) {
      ObjectNode object = NODES.objectNode();
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(tree.properties());
      for (Map.Entry<String, JsonNode> field : fields) {
        if (!field.getValue().isNull()) {
          object.set(field.getKey(), of(field.getValue()));
        }
      }
      return object;
    }
    if (tree.isArray()) {
      var array = NODES.arrayNode(tree.size());
      for (JsonNode item : tree.values()) {
        array.add(of(item));
      }
      return array;
    }
    if (tree.isFloatingPointNumber() && isInteger(tree)) {
      BigInteger whole = new BigDecimal(tree.asDouble()).toBigIntegerExact();
      return whole.bitLength() < 64 ? NODES.numberNode(whole.longValue()) : NODES.numberNode(whole);
    }
    return tree;
  }
}
