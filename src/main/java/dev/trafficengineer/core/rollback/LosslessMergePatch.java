package dev.trafficengineer.core.rollback;

import dev.trafficengineer.core.Json;
import dev.trafficengineer.core.patch.WeightShift;
import dev.trafficengineer.core.yaml.YamlReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON merge patch, only where it provably loses nothing: the route has exactly one rule, and the
 * patch re-sends that rule exactly as read with only the weights changed. Merge replaces the whole
 * {@code rules} list (it is atomic), so with two rules or more it would have to re-send all of
 * them.
 */
final class LosslessMergePatch {
  static final String WHY_SECOND_CHOICE =
      "mergePatch: the route has exactly one rule, so a merge patch that re-sends it with the new"
          + " weights loses nothing from the route as read. It is still second choice: it cannot"
          + " test anything, so if someone changed the route since it was read it silently"
          + " overwrites their change. Run the JSON patch.";

  private static final JsonMapper JSON = Json.MAPPER;

  private LosslessMergePatch() {}

  /** The merge patch as JSON text, or null when it would not be lossless. */
  static String of(String routeYaml, RouteChange change) {
    if (change.weights().isEmpty()) {
      return null;
    }
    JsonNode rules = YamlReader.read(routeYaml).get(0).tree().at("/spec/rules");
    if (!rules.isArray() || rules.size() != 1) {
      return null;
    }
    ObjectNode rule = (ObjectNode) rules.get(0).deepCopy();
    for (WeightShift.RuleChange weights : change.weights()) {
      for (int b = 0; b < weights.after().size(); b++) {
        ((ObjectNode) rule.get("backendRefs").get(b)).put("weight", weights.after().get(b));
      }
    }
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    patch.putObject("spec").putArray("rules").add(rule);
    return JSON.writeValueAsString(patch);
  }
}
