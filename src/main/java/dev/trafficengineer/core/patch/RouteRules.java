package dev.trafficengineer.core.patch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.trafficengineer.core.Json;
import dev.trafficengineer.core.grpc.RouteKind;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import java.util.List;

/**
 * A route's rules as the weight and rule patches see them, whatever the route's kind. HTTPRoute and
 * GRPCRoute keep rules, backendRefs and weights at the same JSON paths and differ only in their
 * matches (a path, an HTTP method and query parameters; a gRPC service and method), so the per-kind
 * part is only how a match is read: {@link HttpRules} and {@link GrpcRules}.
 *
 * @param kind which route this is, for the kubectl commands that name it
 * @param rules in route order; a rule's index is its place here
 */
public record RouteRules(RouteKind kind, String namespace, String name, List<Rule> rules) {

  /**
   * One rule.
   *
   * @param name the rule's {@code name}, or null
   * @param matchValues every match value present in the route as read, at its path below the rule
   *     ({@code /matches/0/path/value}): what pins the rule to the one that was read
   * @param keyed whether a match tests a header or query parameter (an A/B or premium rule)
   * @param matches the matches in words, "/api/ with x-beta-user: true"
   * @param backends empty when the rule has none
   */
  public record Rule(
      String name,
      List<MatchValue> matchValues,
      boolean keyed,
      String matches,
      List<Backend> backends) {
    /** The backends' weights, an omitted one read as 1. */
    public List<Integer> weights() {
      return backends.stream().map(Backend::effectiveWeight).toList();
    }

    public List<String> backendNames() {
      return backends.stream().map(Backend::name).toList();
    }
  }

  /** A match value and where it sits below its rule. */
  public record MatchValue(String path, Object value) {}

  /** A backendRef; {@code weight} null when the route omits it (the API server reads it as 1). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Backend(
      String name, String group, String kind, String namespace, Integer port, Integer weight) {
    public int effectiveWeight() {
      return weight == null ? 1 : weight;
    }

    /** A Service in {@code routeNamespace}: a backend in another namespace is another Service. */
    boolean isService(String service, String routeNamespace) {
      return isLocalService(routeNamespace) && service.equals(name);
    }

    /** A named Service (core group, kind Service) in {@code routeNamespace}. */
    public boolean isLocalService(String routeNamespace) {
      boolean local = namespace == null || namespace.equals(routeNamespace);
      return isService() && local && name != null;
    }

    /** A Service (core group, kind Service), in whichever namespace. */
    public boolean isService() {
      return (group == null || group.isEmpty()) && (kind == null || "Service".equals(kind));
    }
  }

  public static RouteRules of(HTTPRoute route) {
    return new RouteRules(
        RouteKind.HTTP_ROUTE,
        route.getMetadata().getNamespace(),
        route.getMetadata().getName(),
        HttpRules.of(route));
  }

  public static RouteRules of(GRPCRoute route) {
    return new RouteRules(
        RouteKind.GRPC_ROUTE,
        route.getMetadata().getNamespace(),
        route.getMetadata().getName(),
        GrpcRules.of(route));
  }

  /**
   * A rule from what a kind's reader found: its backendRefs (HTTPBackendRef or GRPCBackendRef, the
   * same fields under two types) are read into {@link Backend}s field by field.
   */
  static Rule rule(
      String name,
      List<MatchValue> values,
      boolean keyed,
      List<String> described,
      List<?> backendRefs) {
    List<?> refs = backendRefs == null ? List.of() : backendRefs;
    return new Rule(
        name,
        List.copyOf(values),
        keyed,
        String.join(" or ", described),
        refs.stream().map(ref -> Json.MAPPER.convertValue(ref, Backend.class)).toList());
  }

  /** Every backend name the route lists, in route order, each once. */
  public List<String> backendNames() {
    return rules.stream().flatMap(rule -> rule.backendNames().stream()).distinct().toList();
  }
}
