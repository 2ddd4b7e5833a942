package dev.trafficengineer.core.crd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A YAML tree as the API server receives it: maps, lists, strings, booleans, {@link Long} and
 * {@link Double}, and null. These are the values CEL evaluates and the schema checks walk.
 */
final class PlainValues {

  private PlainValues() {}

  /**
   * Converts {@code node}. A whole-number float such as {@code 8000.0} becomes a {@link Long}:
   * kubectl turns YAML into JSON through a float64, which prints without a fraction, and the API
   * server then decodes it as an integer.
   */
  static Object of(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        map.put(entry.getKey(), of(entry.getValue()));
      }
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      for (JsonNode item : node) {
        list.add(of(item));
      }
      return list;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : (Object) node.doubleValue();
    }
    if (node.isNumber()) {
      double value = node.doubleValue();
      boolean whole =
          !Double.isInfinite(value) && value == Math.rint(value) && Math.abs(value) < 0x1p63;
      return whole ? (Object) (long) value : (Object) value;
    }
    return node.asString();
  }

  /** A copy that later changes (defaulting) cannot reach back into a schema's default. */
  @SuppressWarnings("unchecked")
  static Object copy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, copy(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(copy(item)));
      return copy;
    }
    return value;
  }

  /** The value as the API server's messages show it: strings quoted, the rest as JSON types. */
  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String text) {
      return '"' + (text.length() > 80 ? text.substring(0, 77) + "..." : text) + '"';
    }
    if (value instanceof Map<?, ?>) {
      return "object";
    }
    if (value instanceof List<?>) {
      return "array";
    }
    return String.valueOf(value);
  }

  /** The JSON type name the schema's {@code type} keyword uses for {@code value}. */
  static String typeOf(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map<?, ?>) {
      return "object";
    }
    if (value instanceof List<?>) {
      return "array";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    return value instanceof Long ? "integer" : "number";
  }
}
