package dev.trafficengineer.core.gateway;

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
 * status (TE505-TE507), and whether the routes' status agrees (TE508). Pure: it reads only the
 * documents it is handed.
 */
public final class GatewayAnalysis {
  private GatewayAnalysis() {}

  /**
   * Analyses {@code routes} (each with a name and a spec) against {@code context}. Parent checks
   * need at least one Gateway in the context; a route without a namespace is taken to be in {@code
   * default}, as the precedence engine does.
   */
  public static GatewayReport analyze(List<HTTPRoute> routes, GatewayContext context) {
    List<GatewayFinding> findings = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Map<String, List<Listener>> gateways = new LinkedHashMap<>();
    for (JsonNode gateway : context.gateways()) {
      gateways.put(
          GatewayContext.namespaceOf(gateway) + "/" + GatewayContext.nameOf(gateway),
          Listener.of(gateway));
    }
    Map<String, List<ServedRoute>> attached = new LinkedHashMap<>();
    gateways.values().forEach(ls -> ls.forEach(l -> attached.put(l.key(), new ArrayList<>())));
    ParentAttachment parents = new ParentAttachment(gateways, context, notes);
    BackendResolution backends = new BackendResolution(context);
    Map<List<Integer>, Integer> failing = new LinkedHashMap<>();
    for (int i = 0; i < routes.size(); i++) {
      HTTPRoute route = routes.get(i);
      String namespace =
          route.getMetadata().getNamespace() == null
              ? "default"
              : route.getMetadata().getNamespace();
      List<ParentAttachment.Outcome> outcomes = List.of();
      if (!gateways.isEmpty()) {
        outcomes = parents.of(i, route, namespace, findings);
        for (ParentAttachment.Outcome outcome : outcomes) {
          for (ParentAttachment.Attached on : outcome.attached()) {
            List<ServedRoute> served = attached.get(on.listener().key());
            int index = i;
            if (served.stream().noneMatch(s -> s.route() == index)) {
              served.add(new ServedRoute(index, withHostnames(route, on.hostnames())));
            }
          }
        }
      }
      int before = failing.size();
      backends.check(i, route, namespace, findings, failing);
      StatusCheck.check(i, route, namespace, outcomes, failing.size() > before, findings);
    }
    List<ListenerRoutes> listeners = new ArrayList<>();
    for (List<Listener> ls : gateways.values()) {
      for (Listener l : ls) {
        listeners.add(
            new ListenerRoutes(
                l.gateway(), l.name(), l.port(), l.hostname(), attached.get(l.key())));
      }
    }
    ListenerShadows.check(listeners, routes, findings);
    return new GatewayReport(findings, notes, listeners, failing);
  }

  private static HTTPRoute withHostnames(HTTPRoute route, List<String> hostnames) {
    return new HTTPRouteBuilder(route).editSpec().withHostnames(hostnames).endSpec().build();
  }
}
