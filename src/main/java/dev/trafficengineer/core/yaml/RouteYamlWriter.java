package dev.trafficengineer.core.yaml;

import dev.trafficengineer.core.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes Kubernetes objects the way people read them in the Gateway API docs and in {@code kubectl
 * get -o yaml}: {@code apiVersion}, {@code kind}, {@code metadata}, {@code spec} first, a match
 * before its backends, a backend's name before its port and weight, no nulls, block style, and
 * strings quoted whenever a YAML reader could take them for something else.
 */
public final class RouteYamlWriter {
  /** Keys in the order a reader expects them; unknown keys follow, alphabetically. */
  private static final List<String> KEY_ORDER =
      List.of(
          "apiVersion",
          "group",
          "kind",
          "metadata",
          "spec",
          "status",
          "name",
          "namespace",
          "sectionName",
          "port",
          "weight",
          "labels",
          "annotations",
          "parentRefs",
          "hostnames",
          "rules",
          "matches",
          "path",
          "service",
          "method",
          "headers",
          "queryParams",
          "type",
          "value",
          "filters",
          "backendRefs",
          "timeouts");

  private static final Map<String, Integer> RANK = rankOf(KEY_ORDER);
  private static final Comparator<String> KEYS =
      Comparator.<String>comparingInt(key -> RANK.getOrDefault(key, Integer.MAX_VALUE))
          .thenComparing(Comparator.naturalOrder());

  private static final JsonMapper JSON = Json.MAPPER;

  private RouteYamlWriter() {}

  /** One object as a YAML document, without a leading {@code ---}. */
  public static String write(Object object) {
    JsonNode tree = JSON.valueToTree(object);
    return BlockYamlEmitter.emit(ordered(tree));
  }

  /** Several objects as one multi-document YAML stream. */
  public static String writeAll(List<?> objects) {
    List<String> documents = new ArrayList<>();
    for (Object object : objects) {
      documents.add(write(object));
    }
    return String.join("---\n", documents);
  }

  private static JsonNode ordered(JsonNode node) {
    if (node.isObject()) {
      ObjectNode result = JsonNodeFactory.instance.objectNode();
      node.propertyNames().stream()
          .sorted(KEYS)
          .forEach(
              key -> {
                JsonNode value = node.get(key);
                if (!value.isNull()) {
                  result.set(key, ordered(value));
                }
              });
      return result;
    }
    if (node.isArray()) {
      ArrayNode result = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> result.add(ordered(item)));
      return result;
    }
    return node;
  }

  private static Map<String, Integer> rankOf(List<String> keys) {
    java.util.HashMap<String, Integer> rank = new java.util.HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      rank.put(keys.get(i), i);
    }
    return Map.copyOf(rank);
  }
}
