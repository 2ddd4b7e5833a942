package dev.trafficengineer.core.precedence;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import java.util.List;

/** What a rule does with the requests it takes: redirect, or send them to weighted backends. */
public final class Backends {
  private Backends() {}

  /** The weight as Gateway API counts it: an omitted weight is 1, 0 means no traffic. */
  public static int weight(HTTPBackendRef backend) {
    return backend.getWeight() == null ? 1 : backend.getWeight();
  }

  public static List<HTTPBackendRef> of(HTTPRouteRule rule) {
    return rule.getBackendRefs() == null ? List.of() : rule.getBackendRefs();
  }

  /** True when the rule answers with a redirect instead of forwarding to a backend. */
  public static boolean redirects(HTTPRouteRule rule) {
    return rule.getFilters() != null
        && rule.getFilters().stream().anyMatch(f -> "RequestRedirect".equals(f.getType()));
  }
}
