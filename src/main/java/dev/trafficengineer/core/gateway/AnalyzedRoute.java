package dev.trafficengineer.core.gateway;

import io.fabric8.kubernetes.api.model.ObjectMeta;
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
import java.util.Objects;
import java.util.function.Function;

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
    return of(
        HTTP_ROUTE,
        route.getMetadata(),
        route.getSpec().getHostnames(),
        route.getSpec().getParentRefs(),
        rules(
            route.getSpec().getRules(),
            HTTPRouteRule::getBackendRefs,
            (HTTPBackendRef ref) ->
                new RouteBackend(
                    ref.getGroup(),
                    ref.getKind(),
                    ref.getName(),
                    ref.getNamespace(),
                    ref.getPort(),
                    ref.getWeight() == null ? 1 : ref.getWeight())),
        route.getStatus() == null ? null : route.getStatus().getParents());
  }

  static AnalyzedRoute of(GRPCRoute route) {
    return of(
        GRPC_ROUTE,
        route.getMetadata(),
        route.getSpec().getHostnames(),
        route.getSpec().getParentRefs(),
        rules(
            route.getSpec().getRules(),
            GRPCRouteRule::getBackendRefs,
            (GRPCBackendRef ref) ->
                new RouteBackend(
                    ref.getGroup(),
                    ref.getKind(),
                    ref.getName(),
                    ref.getNamespace(),
                    ref.getPort(),
                    ref.getWeight() == null ? 1 : ref.getWeight())),
        route.getStatus() == null ? null : route.getStatus().getParents());
  }

  private static AnalyzedRoute of(
      String kind,
      ObjectMeta metadata,
      List<String> hostnames,
      List<ParentReference> parentRefs,
      List<List<RouteBackend>> rules,
      List<RouteParentStatus> status) {
    return new AnalyzedRoute(
        kind,
        metadata.getName(),
        metadata.getNamespace() == null ? "default" : metadata.getNamespace(),
        metadata.getCreationTimestamp(),
        metadata.getGeneration(),
        orEmpty(hostnames),
        orEmpty(parentRefs),
        rules,
        orEmpty(status));
  }

  /** The backends of each rule; a rule or backendRef written as null has none. */
  private static <R, B> List<List<RouteBackend>> rules(
      List<R> rules, Function<R, List<B>> refs, Function<B, RouteBackend> backend) {
    List<List<RouteBackend>> all = new ArrayList<>();
    for (R rule : orEmpty(rules)) {
      List<B> of = rule == null ? null : refs.apply(rule);
      all.add(orEmpty(of).stream().filter(Objects::nonNull).map(backend).toList());
    }
    return all;
  }

  /** {@code namespace/name}, as the spec orders routes of different kinds. */
  String key() {
    return namespace + "/" + name;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
