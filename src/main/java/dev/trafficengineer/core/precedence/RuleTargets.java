package dev.trafficengineer.core.precedence;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import java.util.ArrayList;
import java.util.List;

/**
 * What a rule does with the requests it takes, as the proofs read it: redirect them, or send them
 * to weighted backends.
 */
record RuleTargets(boolean redirects, List<Target> backends) {

  /** One backendRef, weight defaulted as Gateway API does. */
  record Target(String group, String kind, String namespace, String name, int weight) {

    /** Whether this is the Service {@code service} in the route's own namespace. */
    boolean isService(String service, String routeNamespace) {
      return (group == null || group.isEmpty())
          && (kind == null || "Service".equals(kind))
          && service.equals(name)
          && (namespace == null || namespace.equals(routeNamespace));
    }
  }

  static RuleTargets of(HTTPRouteRule rule) {
    List<Target> backends = new ArrayList<>();
    for (HTTPBackendRef backend : Backends.of(rule)) {
      backends.add(
          new Target(
              backend.getGroup(),
              backend.getKind(),
              backend.getNamespace(),
              backend.getName(),
              Backends.weight(backend)));
    }
    return new RuleTargets(Backends.redirects(rule), List.copyOf(backends));
  }
}
