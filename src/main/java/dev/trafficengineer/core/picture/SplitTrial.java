package dev.trafficengineer.core.picture;

import dev.trafficengineer.core.Json;
import dev.trafficengineer.core.input.InputRules;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.yaml.YamlDocument;
import dev.trafficengineer.core.yaml.YamlInputException;
import dev.trafficengineer.core.yaml.YamlReader;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routes with other weights, to see a split before choosing it (the view's slider): every rule that
 * sends to two or more of the named services gets their new weights; rules that send to one of them
 * only (a premium rule, an A/B rule) keep theirs. Nothing is written anywhere.
 */
final class SplitTrial {
  private SplitTrial() {}

  /** The routes as JSON documents, one per line, with the split applied. */
  static String apply(String yaml, Map<String, Integer> split) {
    if (split == null || split.isEmpty()) {
      return yaml;
    }
    for (Map.Entry<String, Integer> entry : split.entrySet()) {
      InputRules.label("split", entry.getKey());
      InputRules.weight("split." + entry.getKey(), entry.getValue());
    }
    if (yaml == null || yaml.isBlank()) {
      throw InvalidInputException.missing("yaml");
    }
    StringBuilder out = new StringBuilder();
    try {
      for (YamlDocument document : YamlReader.read(yaml)) {
        JsonNode tree = document.tree().deepCopy();
        for (JsonNode rule : tree.path("spec").path("rules")) {
          reweigh(rule.path("backendRefs"), split);
        }
        out.append("---\n").append(Json.MAPPER.writeValueAsString(tree)).append('\n');
      }
    } catch (YamlInputException e) {
      throw new InvalidInputException("yaml", "(YAML)", "cannot be read: " + e.getMessage());
    }
    return out.toString();
  }

  private static void reweigh(JsonNode backends, Map<String, Integer> split) {
    if (!(backends instanceof ArrayNode refs)) {
      return;
    }
    long named = refs.valueStream().filter(ref -> split.containsKey(name(ref))).count();
    if (named < 2) {
      return;
    }
    for (JsonNode ref : refs) {
      Integer weight = split.get(name(ref));
      if (weight != null && ref instanceof ObjectNode object) {
        object.put("weight", weight);
      }
    }
  }

  private static String name(JsonNode ref) {
    return ref.path("name").asString("");
  }
}
