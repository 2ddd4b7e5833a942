package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.precedence.ProofFinding;
import dev.trafficengineer.core.precedence.RouteProofs;
import dev.trafficengineer.core.yaml.HttpRouteMapping;
import dev.trafficengineer.core.yaml.RouteShapeException;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * TE301 and TE302: proofs over every request. Routes compete for requests only where they attach to
 * the same parents, so the input's routes are grouped by their parentRefs and each group is proved
 * on its own. Only documents the API server would accept take part: a route it rejects routes
 * nothing.
 */
final class PrecedenceCheck {
  private final Map<String, Group> groups = new LinkedHashMap<>();
  private final boolean ownRulesOnly;

  /**
   * @param ownRulesOnly report TE301 only for rules a route's own rules shadow: with Gateways
   *     given, shadowing across routes is decided per listener and reported as TE504
   */
  PrecedenceCheck(boolean ownRulesOnly) {
    this.ownRulesOnly = ownRulesOnly;
  }

  void add(JsonNode tree, Findings findings) {
    HTTPRoute route;
    try {
      route = HttpRouteMapping.toRoute(tree);
    } catch (RouteShapeException e) {
      // The schema checks have already reported the shape problem.
      return;
    }
    if (route.getSpec() == null
        || route.getSpec().getParentRefs() == null
        || route.getSpec().getRules() == null) {
      // An empty spec, parentRefs or rules (written as null): it competes for nothing (found by
      // fuzzing).
      return;
    }
    Group group = groups.computeIfAbsent(parentsOf(route, groups.size()), key -> new Group());
    group.routes.add(route);
    group.sinks.add(findings);
  }

  void check(ProtectExpectation protect) {
    groups.values().forEach(group -> group.check(protect, ownRulesOnly));
  }

  /**
   * The parents a route attaches to, as one key. A route without a namespace could land anywhere,
   * so it is compared with nothing else.
   */
  private static String parentsOf(HTTPRoute route, int position) {
    String namespace = route.getMetadata() == null ? null : route.getMetadata().getNamespace();
    if (namespace == null) {
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

  /** Routes that attach to the same parents, and where each one's findings go. */
  private static final class Group {
    private final List<HTTPRoute> routes = new ArrayList<>();
    private final List<Findings> sinks = new ArrayList<>();

    void check(ProtectExpectation protect, boolean ownRulesOnly) {
      if (ownRulesOnly) {
        for (int i = 0; i < routes.size(); i++) {
          for (ProofFinding unreachable : RouteProofs.unreachableRules(List.of(routes.get(i)))) {
            report(sinks.get(i), unreachable);
          }
        }
      } else {
        for (ProofFinding unreachable : RouteProofs.unreachableRules(routes)) {
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
      RouteProofs.protectionFinding(routes, protect.header(), protect.value(), protect.service())
          .ifPresent(
              unprotected ->
                  sinks
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
    private boolean sendsTo(String service) {
      return routes.stream()
          .flatMap(route -> route.getSpec().getRules().stream())
          .flatMap(rule -> rule.getBackendRefs().stream())
          .anyMatch(backend -> service.equals(backend.getName()));
    }
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
