package dev.trafficengineer.core.precedence;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import java.util.List;
import java.util.Optional;

/**
 * Findings proved over every possible request, for {@code validate_route}: TE301 (a rule no request
 * can reach) and TE302 (a protected request can reach another backend).
 */
public final class RouteProofs {
  private RouteProofs() {}

  /** TE301 for every rule that no request can reach, as if all routes attach to one Gateway. */
  public static List<ProofFinding> unreachableRules(List<HTTPRoute> routes) {
    return UnreachableRules.of(RouteSet.of(routes));
  }

  /**
   * A request carrying {@code headerName: headerValue} (with any path, method, other headers, query
   * params and host) that reaches a backend other than the Service {@code service} in the route's
   * namespace with weight above 0; empty when protection holds. See {@link ProtectionProof} for why
   * finitely many requests decide it, and where regular expressions limit that.
   */
  public static Optional<Counterexample> protectionCounterexample(
      List<HTTPRoute> routes, String headerName, String headerValue, String service) {
    return new ProtectionProof(RouteSet.of(routes), headerName, headerValue, service)
        .counterexample();
  }

  /** TE302 with the counterexample in its message, or empty when protection holds. */
  public static Optional<ProofFinding> protectionFinding(
      List<HTTPRoute> routes, String headerName, String headerValue, String service) {
    return protectionFinding(RouteSet.of(routes), headerName, headerValue, service);
  }

  static Optional<ProofFinding> protectionFinding(
      RouteSet routes, String headerName, String headerValue, String service) {
    return new ProtectionProof(routes, headerName, headerValue, service)
        .counterexample()
        .map(found -> finding(found, headerName, headerValue, service));
  }

  private static ProofFinding finding(
      Counterexample found, String headerName, String headerValue, String service) {
    String message =
        "requests with "
            + headerName
            + ": "
            + headerValue
            + " can reach "
            + String.join(", ", found.backends())
            + " instead of only "
            + service
            + ". For example "
            + found.request().describe()
            + " goes to rule "
            + found.rule().rule()
            + ": "
            + String.join("; ", found.reasons());
    String fix =
        "Give rule "
            + found.rule().rule()
            + " a twin with the same matches plus "
            + headerName
            + ": "
            + headerValue
            + " that sends only to "
            + service
            + " (add_premium_rule, or traffic-engineer premium, does this for every rule): a"
            + " premium rule listed first still loses to a rule with a longer path, a method or"
            + " more header or query matches.";
    return new ProofFinding("TE302", found.rule().route(), found.rule().rule(), message, fix);
  }
}
