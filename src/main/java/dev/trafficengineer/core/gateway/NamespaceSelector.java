package dev.trafficengineer.core.gateway;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A Kubernetes label selector ({@code matchLabels} and {@code matchExpressions}, ANDed) applied to
 * a namespace's labels. Kubernetes labels every namespace {@code kubernetes.io/metadata.name:
 * NAME}, so that label is known even without the Namespace document; any other label needs it.
 */
final class NamespaceSelector {
  static final String NAME_LABEL = "kubernetes.io/metadata.name";

  /** {@code null} labels: the Namespace document was not given. */
  record Labels(String namespace, Map<String, String> given) {
    String get(String key) {
      if (NAME_LABEL.equals(key)) {
        return namespace;
      }
      return given == null ? null : given.get(key);
    }

    boolean known(String key) {
      return given != null || NAME_LABEL.equals(key);
    }
  }

  enum Outcome {
    SELECTED,
    NOT_SELECTED,
    UNKNOWN
  }

  private NamespaceSelector() {}

  static Labels labels(GatewayContext context, String namespace) {
    for (JsonNode document : context.namespaces()) {
      if (namespace.equals(GatewayContext.nameOf(document))) {
        Map<String, String> labels = new HashMap<>();
        document
            .path("metadata")
            .path("labels")
            .properties()
            .forEach(entry -> labels.put(entry.getKey(), entry.getValue().asString("")));
        return new Labels(namespace, labels);
      }
    }
    return new Labels(namespace, null);
  }

  static Outcome select(JsonNode selector, Labels labels) {
    boolean unknown = false;
    for (Map.Entry<String, JsonNode> entry : selector.path("matchLabels").properties()) {
      if (!labels.known(entry.getKey())) {
        unknown = true;
      } else if (!entry.getValue().asString("").equals(labels.get(entry.getKey()))) {
        return Outcome.NOT_SELECTED;
      }
    }
    for (JsonNode expression : selector.path("matchExpressions")) {
      String key = expression.path("key").asString("");
      if (!labels.known(key)) {
        unknown = true;
        continue;
      }
      if (!holds(expression, labels.get(key))) {
        return Outcome.NOT_SELECTED;
      }
    }
    return unknown ? Outcome.UNKNOWN : Outcome.SELECTED;
  }

  private static boolean holds(JsonNode expression, String value) {
    Set<String> values = new HashSet<>();
    expression.path("values").forEach(v -> values.add(v.asString("")));
    return switch (expression.path("operator").asString("")) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      default -> false;
    };
  }
}
