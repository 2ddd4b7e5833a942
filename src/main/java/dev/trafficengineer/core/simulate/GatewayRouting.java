package dev.trafficengineer.core.simulate;

import dev.trafficengineer.core.gateway.GatewayReport;
import dev.trafficengineer.core.gateway.ServedRoute;
import dev.trafficengineer.core.precedence.Decision;
import dev.trafficengineer.core.precedence.Precedence;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request through the Gateways given: the listener that takes it (see {@link ListenerChoice}),
 * then precedence among only the routes attached to that listener, with the hostnames it lets them
 * serve; then the chosen rule's split, where the share of a backend that is missing or not
 * permitted gets 500 and that of a backend without ready endpoints 503.
 */
final class GatewayRouting {
  private GatewayRouting() {}

  static RequestResult route(
      String field, List<HTTPRoute> routes, GatewayReport gateways, RequestSpec spec) {
    ListenerChoice.Choice choice = ListenerChoice.of(field, gateways.listeners(), spec);
    List<String> reasons = new ArrayList<>();
    reasons.add(choice.reason());
    if (choice.listener() == null) {
      return new RequestResult(
          spec, null, null, null, 404, List.of(), reasons, null, null, Map.of("404", 1.0));
    }
    String listener = choice.listener().key();
    List<ServedRoute> attached = choice.listener().routes();
    List<HTTPRoute> served = attached.stream().map(ServedRoute::served).toList();
    Decision decision =
        served.isEmpty() ? null : Precedence.decide(served, RequestRules.toHttp(spec));
    if (decision == null || !decision.matched()) {
      if (decision != null) {
        reasons.addAll(decision.reasons());
      }
      return new RequestResult(
          spec, null, null, null, 404, List.of(), reasons, null, listener, Map.of("404", 1.0));
    }
    reasons.addAll(decision.reasons());
    int original = attached.get(decision.winner().route()).route();
    HTTPRoute route = routes.get(original);
    String namespace =
        route.getMetadata().getNamespace() == null ? "default" : route.getMetadata().getNamespace();
    int ruleIndex = decision.winner().rule();
    HTTPRouteRule rule = Precedence.ruleOf(served, decision.winner());
    Simulator.Outcome outcome = Simulator.outcome(rule, ruleIndex, namespace);
    reasons.add(outcome.reason());
    Map<String, Double> shares = new LinkedHashMap<>();
    int status = outcome.status();
    if (status == 200) {
      for (int b = 0; b < outcome.backends().size(); b++) {
        double share = outcome.backends().get(b).share();
        int failing = gateways.backendStatus(original, ruleIndex, b);
        if (failing != 0 && share > 0) {
          reasons.add(
              outcome.backends().get(b).name()
                  + " fails its "
                  + Percent.of(share)
                  + " with "
                  + failing
                  + (failing == 503 ? " (no ready endpoint)" : " (missing or not permitted)"));
        }
        shares.merge(String.valueOf(failing == 0 ? 200 : failing), share, Double::sum);
      }
      shares.values().removeIf(share -> share == 0);
      if (!shares.containsKey("200")) {
        status = shares.containsKey("500") ? 500 : 503;
      }
    } else {
      shares.put(String.valueOf(status), 1.0);
    }
    return new RequestResult(
        spec,
        namespace + "/" + route.getMetadata().getName(),
        ruleIndex,
        decision.winner().match(),
        status,
        outcome.backends(),
        List.copyOf(reasons),
        null,
        listener,
        shares);
  }
}
