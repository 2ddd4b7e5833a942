package dev.trafficengineer.core.gateway;

import dev.trafficengineer.core.grpc.GrpcProofs;
import dev.trafficengineer.core.precedence.ProofFinding;
import dev.trafficengineer.core.precedence.RouteProofs;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TE504: on one listener every attached route competes for the listener's requests, ranked by the
 * precedence engine (hostname, path, method, headers, query, creation time, name). A rule that no
 * request can reach there, although it is reachable within its own route, is shadowed by another
 * team's route: both may well show {@code Accepted=True}. Routes are compared with the hostnames
 * the listener lets them serve.
 */
final class ListenerShadows {
  private ListenerShadows() {}

  static void check(
      List<ListenerRoutes> listeners, List<HTTPRoute> routes, List<GatewayFinding> findings) {
    Map<Integer, Set<Integer>> alone = new HashMap<>();
    Set<List<Integer>> reported = new HashSet<>();
    for (ListenerRoutes listener : listeners) {
      if (listener.routes().size() < 2) {
        continue;
      }
      List<HTTPRoute> served = new ArrayList<>();
      listener.routes().forEach(route -> served.add(route.served()));
      for (ProofFinding shadow : RouteProofs.unreachableRules(served)) {
        int route = listener.routes().get(shadow.route()).route();
        Set<Integer> unreachableAlone =
            alone.computeIfAbsent(route, r -> unreachableAlone(routes.get(r)));
        if (unreachableAlone.contains(shadow.rule())
            || !reported.add(List.of(route, shadow.rule()))) {
          continue;
        }
        findings.add(
            shadowed(
                route,
                shadow,
                listener.key(),
                "an exact or longer path, a method, one more header or query match"));
      }
    }
  }

  /**
   * TE504 between GRPCRoutes on one listener, ranked by the GRPCRoute precedence engine (hostname,
   * service, method, headers, creation time, name). GRPCRoutes do not compete with HTTPRoutes rule
   * by rule: the spec lets only one of the two kinds keep an intersecting hostname ({@link
   * KindConflicts}).
   *
   * @param first the analysis number of the first GRPCRoute
   */
  static void checkGrpc(
      Map<String, List<ServedGrpcRoute>> listeners,
      List<GRPCRoute> routes,
      int first,
      List<GatewayFinding> findings) {
    Map<Integer, Set<Integer>> alone = new HashMap<>();
    Set<List<Integer>> reported = new HashSet<>();
    for (Map.Entry<String, List<ServedGrpcRoute>> listener : listeners.entrySet()) {
      List<ServedGrpcRoute> attached = listener.getValue();
      if (attached.size() < 2) {
        continue;
      }
      List<GRPCRoute> served = attached.stream().map(ServedGrpcRoute::served).toList();
      for (ProofFinding shadow : GrpcProofs.unreachableRules(served)) {
        int route = attached.get(shadow.route()).route();
        Set<Integer> unreachableAlone =
            alone.computeIfAbsent(
                route, r -> rules(GrpcProofs.unreachableRules(List.of(routes.get(r - first)))));
        if (unreachableAlone.contains(shadow.rule())
            || !reported.add(List.of(route, shadow.rule()))) {
          continue;
        }
        findings.add(
            shadowed(
                route, shadow, listener.getKey(), "a service, a method, one more header match"));
      }
    }
  }

  private static GatewayFinding shadowed(
      int route, ProofFinding shadow, String listener, String specific) {
    return new GatewayFinding(
        route,
        Codes.SHADOWED,
        "warning",
        "/spec/rules/" + shadow.rule(),
        "On listener " + listener + ", " + shadow.message() + ".",
        "Make the rule more specific than the other route's ("
            + specific
            + "), or agree with that route's owner which route serves these"
            + " requests: Gateway API ranks rules of all routes of a kind on a listener together,"
            + " by specificity first.",
        null);
  }

  private static Set<Integer> rules(List<ProofFinding> findings) {
    Set<Integer> rules = new HashSet<>();
    findings.forEach(f -> rules.add(f.rule()));
    return rules;
  }

  /**
   * The rules of {@code route} that its own earlier or more specific rules already shadow (TE301).
   */
  private static Set<Integer> unreachableAlone(HTTPRoute route) {
    return rules(RouteProofs.unreachableRules(List.of(route)));
  }
}
