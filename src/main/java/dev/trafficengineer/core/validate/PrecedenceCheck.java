package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.precedence.ProofFinding;
import dev.trafficengineer.core.precedence.ProofRoutes;
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
    Group group =
        groups.computeIfAbsent(parentsOf(route, groups.size()), key -> new Group(ownRulesOnly));
    group.add(route, findings);
  }

  void check(ProtectExpectation protect) {
    groups.values().forEach(group -> group.check(protect));
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

  /**
   * Routes that attach to the same parents, compiled for the proofs as they come (the route models
   * are not kept), and where each one's findings go.
   */
  private static final class Group {
    private final ProofRoutes routes = new ProofRoutes();
    private final List<ProofRoutes> eachAlone = new ArrayList<>();
    private final List<Findings> sinks = new ArrayList<>();
    private final boolean ownRulesOnly;

    Group(boolean ownRulesOnly) {
      this.ownRulesOnly = ownRulesOnly;
    }

    void add(HTTPRoute route, Findings findings) {
      routes.add(route);
      if (ownRulesOnly) {
        ProofRoutes alone = new ProofRoutes();
        alone.add(route);
        eachAlone.add(alone);
      }
      sinks.add(findings);
    }

    void check(ProtectExpectation protect) {
      if (!ownRulesOnly) {
        for (ProofFinding unreachable : routes.unreachableRules()) {
          report(sinks.get(unreachable.route()), unreachable);
        }
      } else {
        for (int i = 0; i < eachAlone.size(); i++) {
          for (ProofFinding unreachable : eachAlone.get(i).unreachableRules()) {
            report(sinks.get(i), unreachable);
          }
        }
      }
      if (protect == null
          || protect.header() == null
          || protect.value() == null
          || protect.service() == null
          || !routes.sendsTo(protect.service())) {
        return;
      }
      routes
          .protectionFinding(protect.header(), protect.value(), protect.service())
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
