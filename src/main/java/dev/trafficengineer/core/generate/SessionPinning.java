package dev.trafficengineer.core.generate;

import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.yaml.YamlDocument;
import dev.trafficengineer.core.yaml.YamlInputException;
import dev.trafficengineer.core.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Warns when the route a rollout starts from pins sessions: {@code sessionPersistence} on a rule
 * (an experimental-channel field, so it is read from the YAML as written, whether or not the
 * validator accepts it) or a BackendLBPolicy among the documents. With pinned sessions a stage's
 * weight applies to new sessions only, and a rollback by weights leaves users on the canary.
 */
final class SessionPinning {
  private SessionPinning() {}

  static List<String> warnings(String field, String yaml) {
    if (yaml == null) {
      return List.of();
    }
    List<YamlDocument> documents;
    try {
      documents = YamlReader.read(yaml);
    } catch (YamlInputException e) {
      throw new InvalidInputException(field, "(YAML)", "cannot be read: " + e.getMessage());
    }
    List<String> warnings = new ArrayList<>();
    for (YamlDocument document : documents) {
      JsonNode tree = document.tree();
      String kind = tree.path("kind").asString("");
      String name = tree.path("metadata").path("name").asString("(no name)");
      if ("HTTPRoute".equals(kind) || "GRPCRoute".equals(kind)) {
        JsonNode rules = tree.path("spec").path("rules");
        // A mapping where the rules list belongs has a size too, but no items by index.
        for (int i = 0; rules.isArray() && i < rules.size(); i++) {
          JsonNode persistence = rules.get(i).path("sessionPersistence");
          if (persistence.isObject()) {
            warnings.add(warning(kind + " " + name + " rule " + i, persistence));
          }
        }
      } else if ("BackendLBPolicy".equals(kind)
          && tree.path("spec").path("sessionPersistence").isObject()) {
        List<String> targets = new ArrayList<>();
        tree.path("spec")
            .path("targetRefs")
            .forEach(t -> targets.add(t.path("name").asString("?")));
        warnings.add(
            warning(
                "BackendLBPolicy " + name + " (targets " + String.join(", ", targets) + ")",
                tree.path("spec").path("sessionPersistence")));
      }
    }
    return warnings;
  }

  private static String warning(String where, JsonNode persistence) {
    String timeout = persistence.path("absoluteTimeout").asString(null);
    return "Sessions are pinned: "
        + where
        + " has sessionPersistence"
        + (persistence.has("type") ? " (" + persistence.path("type").asString("") + ")" : "")
        + ". Each stage's weight then applies only to new sessions: users pinned to a backend"
        + " stay there when the weights change, so a stage can expose fewer (or, with a cookie"
        + " only the canary sets, far more) users than its percentage, and a rollback by"
        + " weights leaves users on the canary until their sessions end"
        + (timeout == null
            ? " (no absoluteTimeout: as long as their clients keep them)"
            : " (absoluteTimeout " + timeout + ")")
        + ". simulate_traffic with sessions shows the shares users get. sessionPersistence is"
        + " an experimental-channel field: a gateway without it ignores it, or the API server"
        + " rejects the route.";
  }
}
