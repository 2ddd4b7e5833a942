package dev.trafficengineer.core.gateway;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The whole Gateway picture: which listener admits which route (TE501-TE503, TE509), which rules
 * another team's route shadows on a shared listener (TE504), which backends fail and with which
 * status (TE505-TE507), and whether the routes' status agrees (TE508). HTTPRoutes and GRPCRoutes
 * attach, reference backends and report status alike; on a listener, routes of one kind compete
 * with each other only, and an HTTPRoute and a GRPCRoute whose hostnames intersect exclude each
 * other ({@link KindConflicts}). Pure: it reads only the documents it is handed.
 */
public final class GatewayAnalysis {
  private GatewayAnalysis() {}

  /** {@link #analyze(List, List, GatewayContext)} without GRPCRoutes. */
  public static GatewayReport analyze(List<HTTPRoute> routes, GatewayContext context) {
    return analyze(routes, List.of(), context);
  }

  /**
   * Analyses {@code routes} and {@code grpcRoutes} (each with a name and a spec) against {@code
   * context}. A finding's route is the HTTPRoute's position, or the number of HTTPRoutes plus the
   * GRPCRoute's position. Parent checks need at least one Gateway in the context; a route without a
   * namespace is taken to be in {@code default}, as the precedence engine does.
   */
  public static GatewayReport analyze(
      List<HTTPRoute> routes, List<GRPCRoute> grpcRoutes, GatewayContext context) {
    List<GatewayFinding> findings = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Map<String, List<Listener>> gateways = new LinkedHashMap<>();
    for (JsonNode gateway : context.gateways()) {
      gateways.put(
          GatewayContext.namespaceOf(gateway) + "/" + GatewayContext.nameOf(gateway),
          Listener.of(gateway));
    }
    List<AnalyzedRoute> all = new ArrayList<>();
    routes.forEach(route -> all.add(AnalyzedRoute.of(route)));
    grpcRoutes.forEach(route -> all.add(AnalyzedRoute.of(route)));
    Map<String, List<ServedRoute>> attached = new LinkedHashMap<>();
    Map<String, List<ServedGrpcRoute>> grpcAttached = new LinkedHashMap<>();
    gateways
        .values()
        .forEach(
            ls ->
                ls.forEach(
                    l -> {
                      attached.put(l.key(), new ArrayList<>());
                      grpcAttached.put(l.key(), new ArrayList<>());
                    }));
    ParentAttachment parents = new ParentAttachment(gateways, context, notes);
    BackendResolution backends = new BackendResolution(context);
    Map<List<Integer>, Integer> failing = new LinkedHashMap<>();
    for (int i = 0; i < all.size(); i++) {
      AnalyzedRoute route = all.get(i);
      List<ParentAttachment.Outcome> outcomes = List.of();
      if (!gateways.isEmpty()) {
        outcomes = parents.of(i, route, findings);
        for (ParentAttachment.Outcome outcome : outcomes) {
          for (ParentAttachment.Attached on : outcome.attached()) {
            int index = i;
            if (i < routes.size()) {
              List<ServedRoute> served = attached.get(on.listener().key());
              if (served.stream().noneMatch(s -> s.route() == index)) {
                served.add(new ServedRoute(index, withHostnames(routes.get(i), on.hostnames())));
              }
            } else {
              List<ServedGrpcRoute> served = grpcAttached.get(on.listener().key());
              if (served.stream().noneMatch(s -> s.route() == index)) {
                served.add(
                    new ServedGrpcRoute(
                        index, withHostnames(grpcRoutes.get(i - routes.size()), on.hostnames())));
              }
            }
          }
        }
      }
      int before = failing.size();
      backends.check(i, route, findings, failing);
      StatusCheck.check(i, route, outcomes, failing.size() > before, findings);
    }
    List<ListenerRoutes> listeners = new ArrayList<>();
    for (List<Listener> ls : gateways.values()) {
      for (Listener l : ls) {
        KindConflicts.check(l, attached.get(l.key()), grpcAttached.get(l.key()), all, findings);
        listeners.add(
            new ListenerRoutes(
                l.gateway(),
                l.name(),
                l.port(),
                l.hostname(),
                attached.get(l.key()),
                grpcAttached.get(l.key())));
      }
    }
    ListenerShadows.check(listeners, routes, findings);
    ListenerShadows.checkGrpc(grpcAttached, grpcRoutes, routes.size(), findings);
    return new GatewayReport(findings, notes, listeners, failing);
  }

  private static HTTPRoute withHostnames(HTTPRoute route, List<String> hostnames) {
    return new HTTPRouteBuilder(route).editSpec().withHostnames(hostnames).endSpec().build();
  }

  private static GRPCRoute withHostnames(GRPCRoute route, List<String> hostnames) {
    return new GRPCRouteBuilder(route).editSpec().withHostnames(hostnames).endSpec().build();
  }
}
