package dev.trafficengineer.core.diff;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fills in the values the API server sets on an HTTPRoute's spec when they are absent (Gateway API
 * v1 CRD defaults): parentRef {@code group} and {@code kind}, a rule's default match (path prefix
 * {@code /}), path match {@code type} and {@code value}, header and query match {@code type},
 * backendRef {@code group}, {@code kind} and {@code weight}. Only absent members are filled, as the
 * API server does, so a value someone wrote is never replaced.
 */
final class ApiDefaults {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ApiDefaults() {}

  /**
   * A copy of {@code spec} with the defaults in place. A GRPCRoute's CRD has no default rule or
   * match and no path; its method match {@code type} defaults to Exact.
   */
  static JsonNode spec(JsonNode spec, boolean grpc) {
    if (spec == null || !spec.isObject()) {
      return spec;
    }
    ObjectNode copy = (ObjectNode) spec.deepCopy();
    each(copy.get("parentRefs"), parent -> defaults(parent, "group", "gateway.networking.k8s.io"));
    each(copy.get("parentRefs"), parent -> defaults(parent, "kind", "Gateway"));
    if (!grpc && !copy.has("rules")) {
      copy.set("rules", NODES.arrayNode().add(NODES.objectNode()));
    }
    each(copy.get("rules"), rule -> rule(rule, grpc));
    return copy;
  }

  private static void rule(ObjectNode rule, boolean grpc) {
    if (grpc) {
      each(rule.get("matches"), ApiDefaults::grpcMatch);
    } else {
      if (!rule.has("matches")) {
        rule.set("matches", NODES.arrayNode().add(NODES.objectNode()));
      }
      each(rule.get("matches"), ApiDefaults::httpMatch);
    }
    each(
        rule.get("backendRefs"),
        backend -> {
          defaults(backend, "group", "");
          defaults(backend, "kind", "Service");
          if (!backend.has("weight")) {
            backend.put("weight", 1);
          }
        });
  }

  private static void httpMatch(ObjectNode match) {
    if (!match.has("path")) {
      match.set("path", NODES.objectNode());
    }
    if (match.get("path") instanceof ObjectNode path) {
      defaults(path, "type", "PathPrefix");
      defaults(path, "value", "/");
    }
    each(match.get("headers"), header -> defaults(header, "type", "Exact"));
    each(match.get("queryParams"), param -> defaults(param, "type", "Exact"));
  }

  private static void grpcMatch(ObjectNode match) {
    if (match.get("method") instanceof ObjectNode method) {
      defaults(method, "type", "Exact");
    }
    each(match.get("headers"), header -> defaults(header, "type", "Exact"));
  }

  private interface Edit {
    void apply(ObjectNode node);
  }

  private static void each(JsonNode list, Edit edit) {
    if (list instanceof ArrayNode array) {
      array.forEach(
          item -> {
            if (item instanceof ObjectNode object) {
              edit.apply(object);
            }
          });
    }
  }

  private static void defaults(ObjectNode node, String field, String value) {
    if (!node.has(field)) {
      node.put(field, value);
    }
  }
}
