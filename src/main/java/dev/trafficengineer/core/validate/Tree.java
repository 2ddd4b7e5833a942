package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.yaml.SentJson;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads a route's JSON tree leniently: a missing, null or wrongly typed value reads as absent,
 * because {@link SchemaCheck} has already reported the wrong type under the field's own code.
 */
final class Tree {

  private Tree() {}

  /** Returns the string at {@code field}, or null when it is absent or not a string. */
  static String text(JsonNode parent, String field) {
    JsonNode value = parent == null ? null : parent.get(field);
    return value != null && value.isString() ? value.asString() : null;
  }

  /** Returns the mapping at {@code field}, or null when it is absent or not a mapping. */
  static JsonNode object(JsonNode parent, String field) {
    JsonNode value = parent == null ? null : parent.get(field);
    return value != null && value.isObject() ? value : null;
  }

  /** Returns the mapping items of the list at {@code field}; absent or non-list reads as empty. */
  static List<JsonNode> items(JsonNode parent, String field) {
    JsonNode value = parent == null ? null : parent.get(field);
    if (value == null || !value.isArray()) {
      return List.of();
    }
    return List.copyOf(value.values());
  }

  /** Returns whether {@code field} is present with a non-null value. */
  static boolean has(JsonNode parent, String field) {
    JsonNode value = parent == null ? null : parent.get(field);
    return value != null && !value.isNull();
  }

  /**
   * Returns the integer at {@code field}, or null when it is absent or not an integer; a whole
   * float such as 8000.0 is the integer kubectl sends for it.
   */
  static Long integer(JsonNode parent, String field) {
    return SentJson.longValue(parent == null ? null : parent.get(field));
  }
}
