package dev.trafficengineer.core.precedence;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import java.util.List;
import java.util.Optional;

/**
 * Routes gathered one at a time for the proofs of {@link RouteProofs}, compiled as they come: only
 * their matches, hostnames and backends are kept, not the route models, so that the proofs over
 * thousands of routes read one document at a time fit a small heap.
 */
public final class ProofRoutes {
  private final RouteSet.Builder routes = new RouteSet.Builder();

  /** Adds {@code route}; its position among the routes added is the one findings refer to. */
  public void add(HTTPRoute route) {
    routes.add(route);
  }

  /** TE301 for every rule that no request can reach, as if all routes attach to one Gateway. */
  public List<ProofFinding> unreachableRules() {
    return UnreachableRules.of(routes.build());
  }

  /** TE302 with the counterexample in its message, or empty when protection holds. */
  public Optional<ProofFinding> protectionFinding(
      String headerName, String headerValue, String service) {
    return RouteProofs.protectionFinding(routes.build(), headerName, headerValue, service);
  }

  /** Whether some rule has a backendRef named {@code service}, whatever its weight. */
  public boolean sendsTo(String service) {
    return routes.build().rules().stream()
        .flatMap(List::stream)
        .flatMap(rule -> rule.backends().stream())
        .anyMatch(backend -> service.equals(backend.name()));
  }
}
