package dev.trafficengineer.core.picture;

import dev.trafficengineer.core.Json;
import dev.trafficengineer.core.patch.JsonPatchOperation;
import dev.trafficengineer.core.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A route with a patch from the rollback applied, to draw what the cluster will hold: the RFC 6902
 * operations the rollback writes (test, replace, add, remove), on the route as read. A failing test
 * means the patch was not computed for this text, which cannot happen for the route the patch came
 * from; it is reported rather than drawn.
 */
final class PatchedRoute {
  private PatchedRoute() {}

  /** The patched route as JSON text, which the YAML reader reads as well. */
  static String apply(String routeYaml, List<JsonPatchOperation> patch) {
    JsonNode route = YamlReader.read(routeYaml).get(0).tree().deepCopy();
    for (JsonPatchOperation operation : patch) {
      List<String> path = tokens(operation.path());
      JsonNode parent = route;
      for (String token : path.subList(0, path.size() - 1)) {
        parent = parent.isArray() ? parent.get(Integer.parseInt(token)) : parent.get(token);
      }
      String last = path.get(path.size() - 1);
      JsonNode value =
          operation.value() == null ? null : Json.MAPPER.valueToTree(operation.value());
      switch (operation.op()) {
        case "test" -> {
          JsonNode actual =
              parent.isArray() ? parent.get(Integer.parseInt(last)) : parent.get(last);
          if (actual == null || !actual.equals(value)) {
            throw new IllegalStateException("patch test failed at " + operation.path());
          }
        }
        case "replace", "add" -> {
          if (parent instanceof ArrayNode array) {
            if ("-".equals(last)) {
              array.add(value);
            } else if ("add".equals(operation.op())) {
              array.insert(Integer.parseInt(last), value);
            } else {
              array.set(Integer.parseInt(last), value);
            }
          } else {
            ((ObjectNode) parent).set(last, value);
          }
        }
        case "remove" -> {
          if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(last));
          } else {
            ((ObjectNode) parent).remove(last);
          }
        }
        default -> throw new IllegalStateException("unknown patch operation " + operation.op());
      }
    }
    return Json.MAPPER.writeValueAsString(route);
  }

  private static List<String> tokens(String pointer) {
    List<String> tokens = new ArrayList<>();
    for (String token : pointer.substring(1).split("/", -1)) {
      tokens.add(token.replace("~1", "/").replace("~0", "~"));
    }
    return tokens;
  }
}
