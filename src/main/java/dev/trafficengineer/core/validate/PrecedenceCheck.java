package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.grpc.GrpcProofs;
import dev.trafficengineer.core.precedence.ProofFinding;
import dev.trafficengineer.core.precedence.RouteProofs;
import dev.trafficengineer.core.yaml.HttpRouteMapping;
import dev.trafficengineer.core.yaml.RouteShapeException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * TE301 and TE302: proofs over every request (HTTPRoutes) or call (GRPCRoutes). Routes compete only
 * where they attach to the same parents, so the input's routes are grouped by their parentRefs and
 * each group is proved on its own; HTTPRoutes and GRPCRoutes never compete with each other. Only
 * documents the API server would accept take part: a route it rejects routes nothing. What differs
 * between the kinds is the {@link Kind}: the model, where its parents and backends are, and the
 * proofs.
 */
final class PrecedenceCheck<R extends HasMetadata> {

  /**
   * One route kind as the proofs see it.
   *
   * @param parentRefs the route's parentRefs, or null when its spec, parentRefs or rules are absent
   *     (written as null): such a route competes for nothing (found by fuzzing)
   */
  private record Kind<R>(
      Function<JsonNode, R> read,
      Function<R, List<ParentReference>> parentRefs,
      Function<R, Stream<String>> backendNames,
      Function<List<R>, List<ProofFinding>> unreachable,
      Protection<R> protection) {}

  private interface Protection<R> {
    Optional<ProofFinding> finding(List<R> routes, String header, String value, String service);
  }

  private static final Kind<HTTPRoute> HTTP =
      new Kind<>(
          HttpRouteMapping::toRoute,
          route ->
              route.getSpec() == null
                      || route.getSpec().getParentRefs() == null
                      || route.getSpec().getRules() == null
                  ? null
                  : route.getSpec().getParentRefs(),
          route ->
              route.getSpec().getRules().stream()
                  .flatMap(rule -> rule.getBackendRefs().stream())
                  .map(HTTPBackendRef::getName),
          RouteProofs::unreachableRules,
          RouteProofs::protectionFinding);

  private static final Kind<GRPCRoute> GRPC =
      new Kind<>(
          HttpRouteMapping::toGrpcRoute,
          route ->
              route.getSpec() == null
                      || route.getSpec().getParentRefs() == null
                      || route.getSpec().getRules() == null
                  ? null
                  : route.getSpec().getParentRefs(),
          route ->
              route.getSpec().getRules().stream()
                  .flatMap(rule -> rule.getBackendRefs().stream())
                  .map(GRPCBackendRef::getName),
          GrpcProofs::unreachableRules,
          GrpcProofs::protectionFinding);

  private final Kind<R> kind;
  private final Map<String, Group<R>> groups = new LinkedHashMap<>();
  private final boolean ownRulesOnly;

  private PrecedenceCheck(Kind<R> kind, boolean ownRulesOnly) {
    this.kind = kind;
    this.ownRulesOnly = ownRulesOnly;
  }

  /**
   * @param ownRulesOnly report TE301 only for rules a route's own rules shadow: with Gateways
   *     given, shadowing across routes is decided per listener and reported as TE504
   */
  static PrecedenceCheck<HTTPRoute> http(boolean ownRulesOnly) {
    return new PrecedenceCheck<>(HTTP, ownRulesOnly);
  }

  /**
   * @param ownRulesOnly as for {@link #http}: with Gateways given, shadowing between GRPCRoutes is
   *     decided per listener too
   */
  static PrecedenceCheck<GRPCRoute> grpc(boolean ownRulesOnly) {
    return new PrecedenceCheck<>(GRPC, ownRulesOnly);
  }

  void add(JsonNode tree, Findings findings) {
    R route;
    try {
      route = kind.read().apply(tree);
    } catch (RouteShapeException e) {
      // The schema checks have already reported the shape problem.
      return;
    }
    List<ParentReference> parents = kind.parentRefs().apply(route);
    if (parents == null) {
      return;
    }
    Group<R> group =
        groups.computeIfAbsent(parentsOf(route, parents, groups.size()), key -> new Group<>());
    group.routes.add(route);
    group.sinks.add(findings);
  }

  void check(ProtectExpectation protect) {
    groups.values().forEach(group -> check(group, protect));
  }

  /**
   * The parents a route attaches to, as one key. A route without a namespace could land anywhere,
   * so it is compared with nothing else.
   */
  private static String parentsOf(
      HasMetadata route, List<ParentReference> parentRefs, int position) {
    String namespace = route.getMetadata() == null ? null : route.getMetadata().getNamespace();
    if (namespace == null) {
      return "#" + position;
    }
    List<String> parents = new ArrayList<>();
    for (ParentReference parent : parentRefs) {
      parents.add(
          String.join(
              "/",
              String.valueOf(parent.getKind()),
              parent.getNamespace() == null ? namespace : parent.getNamespace(),
              parent.getName(),
              String.valueOf(parent.getSectionName()),
              String.valueOf(parent.getPort())));
    }
    Collections.sort(parents);
    return String.join(",", parents);
  }

  /** Routes that attach to the same parents, and where each one's findings go. */
  private static final class Group<R> {
    private final List<R> routes = new ArrayList<>();
    private final List<Findings> sinks = new ArrayList<>();
  }

  private void check(Group<R> group, ProtectExpectation protect) {
    List<R> routes = group.routes;
    if (ownRulesOnly) {
      for (int i = 0; i < routes.size(); i++) {
        for (ProofFinding unreachable : kind.unreachable().apply(List.of(routes.get(i)))) {
          report(group.sinks.get(i), unreachable);
        }
      }
    } else {
      for (ProofFinding unreachable : kind.unreachable().apply(routes)) {
        report(group.sinks.get(unreachable.route()), unreachable);
      }
    }
    if (protect == null
        || protect.header() == null
        || protect.value() == null
        || protect.service() == null
        || !sendsTo(routes, protect.service())) {
      return;
    }
    kind.protection()
        .finding(routes, protect.header(), protect.value(), protect.service())
        .ifPresent(
            unprotected ->
                group
                    .sinks
                    .get(unprotected.route())
                    .error(
                        Codes.UNPROTECTED,
                        rulePointer(unprotected),
                        sentence(unprotected.message()),
                        unprotected.fix()));
  }

  private static void report(Findings sink, ProofFinding unreachable) {
    sink.warning(
        Codes.UNREACHABLE_RULE,
        rulePointer(unreachable),
        sentence(unreachable.message()),
        unreachable.fix());
  }

  /** A group that never sends to the protected Service is other routing, not what to prove. */
  private boolean sendsTo(List<R> routes, String service) {
    return routes.stream().flatMap(kind.backendNames()).anyMatch(service::equals);
  }

  private static String rulePointer(ProofFinding finding) {
    return "/spec/rules/" + finding.rule();
  }

  private static String sentence(String message) {
    return message.isEmpty()
        ? message
        : Character.toUpperCase(message.charAt(0)) + message.substring(1);
  }
}
