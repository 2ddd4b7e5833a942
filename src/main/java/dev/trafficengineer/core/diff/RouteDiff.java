package dev.trafficengineer.core.diff;

import dev.trafficengineer.core.Json;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What would change if the proposed route replaced the live one, field by field. See {@link #RULE}
 * for what is compared and what is not.
 */
public final class RouteDiff {
  /** The rule, in words, for whoever reads a diff. */
  public static final String RULE =
      "Compared: spec, metadata.labels and metadata.annotations, as a replace (update) would"
          + " leave them. Ignored: status, and metadata the API server owns (uid,"
          + " resourceVersion, generation, creationTimestamp, managedFields, ownerReferences)"
          + " and the kubectl last-applied-configuration annotation. Fields the proposal omits"
          + " are compared after filling in the API server's defaults (backendRef group \"\","
          + " kind Service, weight 1; parentRef group and kind Gateway; path match PathPrefix /;"
          + " header and query match type Exact; for a GRPCRoute: no default rule or match,"
          + " method match type Exact), so an omitted default is not a change; any"
          + " other omitted field is reported as removed. Lists are compared by index, as"
          + " Kubernetes replaces them (rules and backendRefs are atomic lists).";

  private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
  private static final JsonMapper JSON = Json.MAPPER;

  private RouteDiff() {}

  /** The changed fields, in document order; empty when the proposal changes nothing. */
  public static List<FieldChange> between(HasMetadata live, HasMetadata proposed) {
    List<FieldChange> changes = new ArrayList<>();
    compare("", compared(live), compared(proposed), changes);
    return List.copyOf(changes);
  }

  private static ObjectNode compared(HasMetadata route) {
    JsonNode tree = JSON.valueToTree(route);
    ObjectNode kept = JsonNodeFactory.instance.objectNode();
    ObjectNode metadata = kept.putObject("metadata");
    JsonNode labels = tree.path("metadata").get("labels");
    if (labels != null && !labels.isNull() && !labels.isEmpty()) {
      metadata.set("labels", labels);
    }
    JsonNode annotations = tree.path("metadata").get("annotations");
    if (annotations instanceof ObjectNode given) {
      ObjectNode copy = (ObjectNode) given.deepCopy();
      copy.remove(LAST_APPLIED);
      if (!copy.isEmpty()) {
        metadata.set("annotations", copy);
      }
    }
    kept.set(
        "spec",
        ApiDefaults.spec(
            withoutNulls(tree.get("spec")), "GRPCRoute".equals(tree.path("kind").asString(""))));
    return kept;
  }

  private static void compare(
      String path, JsonNode live, JsonNode proposed, List<FieldChange> changes) {
    if (live == null && proposed == null) {
      return;
    }
    if (live == null || proposed == null) {
      changes.add(new FieldChange(path, live, proposed));
    } else if (live.isObject() && proposed.isObject()) {
      TreeSet<String> keys = new TreeSet<>(live.propertyNames());
      keys.addAll(proposed.propertyNames());
      for (String key : keys) {
        compare(path + "/" + escape(key), live.get(key), proposed.get(key), changes);
      }
    } else if (live.isArray() && proposed.isArray()) {
      for (int i = 0; i < Math.max(live.size(), proposed.size()); i++) {
        compare(path + "/" + i, live.get(i), proposed.get(i), changes);
      }
    } else if (!live.equals(proposed)) {
      changes.add(new FieldChange(path, live, proposed));
    }
  }

  /** Absent and null mean the same to Kubernetes; fabric8 writes empty lists for absent ones. */
  private static JsonNode withoutNulls(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        JsonNode value = withoutNulls(entry.getValue());
        if (value != null && !(value.isArray() && value.isEmpty())) {
          copy.set(entry.getKey(), value);
        }
      }
      return copy;
    }
    if (node.isArray()) {
      var copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> copy.add(withoutNulls(item)));
      return copy;
    }
    return node;
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
