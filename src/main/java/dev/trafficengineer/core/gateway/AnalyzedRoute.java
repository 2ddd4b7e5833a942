package dev.trafficengineer.core.gateway;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * What the cross-resource checks read of a route, the same for an HTTPRoute and a GRPCRoute: both
 * attach through the same parentRefs and hostnames, reference backends the same way and report the
 * same status (grpcroute_types.go mirrors httproute_types.go for these fields).
 *
 * @param kind {@code HTTPRoute} or {@code GRPCRoute}
 * @param namespace the route's namespace, {@code default} when it has none
 * @param creationTimestamp as written, or {@code null}
 * @param parentRefs as written: an entry may be null (written as null), so that indexes stay those
 *     of the document
 * @param rules the backendRefs of each rule
 * @param status the status' parents, empty when there is no status
 */
record AnalyzedRoute(
    String kind,
    String name,
    String namespace,
    String creationTimestamp,
    Long generation,
    List<String> hostnames,
    List<ParentReference> parentRefs,
    List<List<RouteBackend>> rules,
    List<RouteParentStatus> status) {

  static final String HTTP_ROUTE = "HTTPRoute";
  static final String GRPC_ROUTE = "GRPCRoute";

  /** One backendRef; {@code weight} as Gateway API counts it (omitted is 1). */
  record RouteBackend(
      String group, String kind, String name, String namespace, Integer port, int weight) {

    boolean isService() {
      return (group == null || group.isEmpty()) && (kind == null || "Service".equals(kind));
    }
  }

  static AnalyzedRoute of(HTTPRoute route) {
    List<List<RouteBackend>> rules = new ArrayList<>();
    List<HTTPRouteRule> specRules = route.getSpec().getRules();
    for (HTTPRouteRule rule : specRules == null ? List.<HTTPRouteRule>of() : specRules) {
      List<RouteBackend> backends = new ArrayList<>();
      List<HTTPBackendRef> refs = rule == null ? null : rule.getBackendRefs();
      for (HTTPBackendRef ref : refs == null ? List.<HTTPBackendRef>of() : refs) {
        backends.add(
            new RouteBackend(
                ref.getGroup(),
                ref.getKind(),
                ref.getName(),
                ref.getNamespace(),
                ref.getPort(),
                ref.getWeight() == null ? 1 : ref.getWeight()));
      }
      rules.add(backends);
    }
    return new AnalyzedRoute(
        HTTP_ROUTE,
        route.getMetadata().getName(),
        namespaceOf(route.getMetadata().getNamespace()),
        route.getMetadata().getCreationTimestamp(),
        route.getMetadata().getGeneration(),
        orEmpty(route.getSpec().getHostnames()),
        orEmpty(route.getSpec().getParentRefs()),
        rules,
        route.getStatus() == null ? List.of() : orEmpty(route.getStatus().getParents()));
  }

  static AnalyzedRoute of(GRPCRoute route) {
    List<List<RouteBackend>> rules = new ArrayList<>();
    List<GRPCRouteRule> specRules = route.getSpec().getRules();
    for (GRPCRouteRule rule : specRules == null ? List.<GRPCRouteRule>of() : specRules) {
      List<RouteBackend> backends = new ArrayList<>();
      List<GRPCBackendRef> refs = rule == null ? null : rule.getBackendRefs();
      for (GRPCBackendRef ref : refs == null ? List.<GRPCBackendRef>of() : refs) {
        backends.add(
            new RouteBackend(
                ref.getGroup(),
                ref.getKind(),
                ref.getName(),
                ref.getNamespace(),
                ref.getPort(),
                ref.getWeight() == null ? 1 : ref.getWeight()));
      }
      rules.add(backends);
    }
    return new AnalyzedRoute(
        GRPC_ROUTE,
        route.getMetadata().getName(),
        namespaceOf(route.getMetadata().getNamespace()),
        route.getMetadata().getCreationTimestamp(),
        route.getMetadata().getGeneration(),
        orEmpty(route.getSpec().getHostnames()),
        orEmpty(route.getSpec().getParentRefs()),
        rules,
        route.getStatus() == null ? List.of() : orEmpty(route.getStatus().getParents()));
  }

  /** {@code namespace/name}, as the spec orders routes of different kinds. */
  String key() {
    return namespace + "/" + name;
  }

  private static String namespaceOf(String namespace) {
    return namespace == null ? "default" : namespace;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
