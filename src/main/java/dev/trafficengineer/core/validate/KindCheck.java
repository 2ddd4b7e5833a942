package dev.trafficengineer.core.validate;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/** TE102: the document must be a Gateway API HTTPRoute, v1 or v1beta1. */
final class KindCheck {

  private static final Set<String> API_VERSIONS =
      Set.of("gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v1beta1");

  private KindCheck() {}

  /** Returns whether the document is an HTTPRoute, so that the route checks make sense on it. */
  static boolean check(JsonNode route, Findings findings) {
    JsonNode apiVersion = route.get("apiVersion");
    JsonNode kind = route.get("kind");
    boolean isRoute = true;
    if (kind == null || !kind.isString() || !"HTTPRoute".equals(kind.asString())) {
      findings.error(
          Codes.KIND,
          kind == null ? "" : "/kind",
          kind == null
              ? "The document has no kind, so nothing tells the API server it is an HTTPRoute."
              : "kind is \"%s\", not HTTPRoute; this tool reviews Gateway API HTTPRoutes and GRPCRoutes only."
                  .formatted(SchemaCheck.abbreviate(shown(kind))),
          "Set kind: HTTPRoute (or GRPCRoute for a gRPC service).");
      isRoute = false;
    }
    if (apiVersion == null
        || !apiVersion.isString()
        || !API_VERSIONS.contains(apiVersion.asString())) {
      findings.error(
          Codes.KIND,
          apiVersion == null ? "" : "/apiVersion",
          apiVersion == null
              ? "The document has no apiVersion, so the API server cannot tell which resource it is."
              : "apiVersion is \"%s\"; HTTPRoutes are served as gateway.networking.k8s.io/v1 (or v1beta1)."
                  .formatted(SchemaCheck.abbreviate(shown(apiVersion))),
          "Set apiVersion: gateway.networking.k8s.io/v1.");
    }
    // A wrong apiVersion on kind HTTPRoute is usually a typo on an otherwise reviewable route.
    return isRoute;
  }

  /** A list or mapping where a name belongs is shown as JSON; it has no text of its own. */
  static String shown(JsonNode value) {
    return value.isContainer() ? value.toString() : value.asString();
  }
}
