package dev.trafficengineer.core.validate;

import tools.jackson.databind.JsonNode;

/**
 * The checks of one GRPCRoute document (standard channel, v1.6.1): its own schema, limits, match
 * and filter rules, and the checks whose meaning is the same as for an HTTPRoute (names, parents,
 * hostnames, backends, weights, intent).
 */
final class GrpcRouteChecks {
  static final String KIND = "GRPCRoute";
  private static final String API_VERSION = "gateway.networking.k8s.io/v1";

  private GrpcRouteChecks() {}

  static boolean isGrpcRoute(JsonNode route) {
    JsonNode kind = route.get("kind");
    return kind != null && kind.isString() && KIND.equals(kind.asString());
  }

  static void check(JsonNode route, Expectation expect, Findings findings) {
    JsonNode apiVersion = route.get("apiVersion");
    if (apiVersion == null
        || !apiVersion.isString()
        || !API_VERSION.equals(apiVersion.asString())) {
      findings.error(
          Codes.KIND,
          apiVersion == null ? "" : "/apiVersion",
          apiVersion == null
              ? "The document has no apiVersion, so the API server cannot tell which resource it is."
              : "apiVersion is \"%s\"; the v1.6.1 standard channel serves GRPCRoutes only as gateway.networking.k8s.io/v1."
                  .formatted(SchemaCheck.abbreviate(KindCheck.shown(apiVersion))),
          "Set apiVersion: gateway.networking.k8s.io/v1.");
    }
    SchemaCheck.check(route, GrpcRouteSchema.ROUTE, findings);
    NameCheck.check(route, findings);
    GrpcLimitCheck.check(route, findings);
    ParentRefCheck.check(route, findings);
    HostnameCheck.check(route, findings);
    GrpcMatchCheck.check(route, findings);
    GrpcFilterCheck.check(route, findings);
    BackendRefCheck.check(route, findings, true);
    WeightCheck.check(route, findings);
    if (expect != null) {
      IntentCheck.check(route, expect, findings);
    }
  }
}
