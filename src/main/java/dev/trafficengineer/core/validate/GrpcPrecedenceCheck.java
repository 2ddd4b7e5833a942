package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.grpc.GrpcProofs;
import dev.trafficengineer.core.precedence.ProofFinding;
import dev.trafficengineer.core.yaml.HttpRouteMapping;
import dev.trafficengineer.core.yaml.RouteShapeException;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * TE301 and TE302 for GRPCRoutes, grouped by the parents the routes attach to as for HTTPRoutes
 * (GRPCRoutes and HTTPRoutes do not compete for the same calls). Only documents the API server
 * would accept take part.
 */
final class GrpcPrecedenceCheck {
  private final Map<String, Group> groups = new LinkedHashMap<>();
  private final boolean ownRulesOnly;

  /**
   * @param ownRulesOnly prove each route on its own: with Gateways given, shadowing across routes
   *     is decided per listener and reported as TE504
   */
  GrpcPrecedenceCheck(boolean ownRulesOnly) {
    this.ownRulesOnly = ownRulesOnly;
  }

  void add(JsonNode tree, Findings findings) {
    GRPCRoute route;
    try {
      route = HttpRouteMapping.toGrpcRoute(tree);
    } catch (RouteShapeException e) {
      // The schema checks have already reported the shape problem.
      return;
    }
    Group group = groups.computeIfAbsent(parentsOf(route, groups.size()), key -> new Group());
    group.routes.add(route);
    group.sinks.add(findings);
  }

  void check(ProtectExpectation protect) {
    groups.values().forEach(group -> group.check(protect, ownRulesOnly));
  }

  /** The parents as one key; a route without a namespace is compared with nothing else. */
  private static String parentsOf(GRPCRoute route, int position) {
    String namespace = route.getMetadata() == null ? null : route.getMetadata().getNamespace();
    if (namespace == null || route.getSpec() == null) {
      return "#" + position;
    }
    List<String> parents = new ArrayList<>();
    for (ParentReference parent : route.getSpec().getParentRefs()) {
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

  private static final class Group {
    private final List<GRPCRoute> routes = new ArrayList<>();
    private final List<Findings> sinks = new ArrayList<>();

    void check(ProtectExpectation protect, boolean ownRulesOnly) {
      if (ownRulesOnly) {
        for (int i = 0; i < routes.size(); i++) {
          for (ProofFinding unreachable : GrpcProofs.unreachableRules(List.of(routes.get(i)))) {
            report(sinks.get(i), unreachable);
          }
        }
      } else {
        for (ProofFinding unreachable : GrpcProofs.unreachableRules(routes)) {
          report(sinks.get(unreachable.route()), unreachable);
        }
      }
      if (protect == null
          || protect.header() == null
          || protect.value() == null
          || protect.service() == null
          || !sendsTo(protect.service())) {
        return;
      }
      GrpcProofs.protectionFinding(routes, protect.header(), protect.value(), protect.service())
          .ifPresent(
              unprotected ->
                  sinks
                      .get(unprotected.route())
                      .error(
                          Codes.UNPROTECTED,
                          "/spec/rules/" + unprotected.rule(),
                          sentence(unprotected.message()),
                          unprotected.fix()));
    }

    private static void report(Findings sink, ProofFinding unreachable) {
      sink.warning(
          Codes.UNREACHABLE_RULE,
          "/spec/rules/" + unreachable.rule(),
          sentence(unreachable.message()),
          unreachable.fix());
    }

    /** A group that never sends to the protected Service is other routing, not what to prove. */
    private boolean sendsTo(String service) {
      return routes.stream()
          .flatMap(route -> route.getSpec().getRules().stream())
          .flatMap(rule -> rule.getBackendRefs().stream())
          .anyMatch(backend -> service.equals(backend.getName()));
    }
  }

  private static String sentence(String message) {
    return message.isEmpty()
        ? message
        : Character.toUpperCase(message.charAt(0)) + message.substring(1);
  }
}
