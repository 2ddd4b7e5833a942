package dev.trafficengineer.core.generate;

import dev.trafficengineer.core.input.InputRules;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.patch.RouteRules;
import java.util.List;

/**
 * What premium protection reads and checks the same way in an HTTPRoute and a GRPCRoute: the rules
 * already sending only to the protected Service, its port, and the CRD's limits on the rules and
 * matches the protected route will have.
 */
final class PremiumRules {
  private static final int MAX_RULES = 16;
  private static final int MAX_MATCHES_PER_RULE = 64;
  private static final int MAX_MATCHES_PER_ROUTE = 128;

  private PremiumRules() {}

  /**
   * Whether every backend that carries traffic in {@code rule} is {@code service}, and one does.
   */
  static boolean sendsOnlyTo(RouteRules.Rule rule, String service) {
    boolean any = false;
    for (RouteRules.Backend backend : rule.backends()) {
      if (backend.effectiveWeight() == 0) {
        continue;
      }
      if (!service.equals(backend.name()) || !backend.isService()) {
        return false;
      }
      any = true;
    }
    return any;
  }

  /** {@code port} when given, else the port the route already sends {@code service} on. */
  static int portOf(RouteRules route, String service, Integer port) {
    if (port != null) {
      return InputRules.port("port", port);
    }
    return route.rules().stream()
        .flatMap(rule -> rule.backends().stream())
        .filter(b -> service.equals(b.name()) && b.isService() && b.port() != null)
        .map(RouteRules.Backend::port)
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "port",
                    null,
                    "is required: the route does not send to "
                        + service
                        + " yet, so its port is unknown"));
  }

  /**
   * @param matchesPerRule the matches each rule counts for, as the kind's CRD counts them
   * @param unit what one rule protects ("path", "rule"), for the message
   */
  static void checkLimits(List<Integer> matchesPerRule, String unit) {
    if (matchesPerRule.size() > MAX_RULES) {
      throw new InvalidInputException(
          "routeYaml",
          matchesPerRule.size() + " rules",
          "would be needed to protect every "
              + unit
              + ", over the limit of "
              + MAX_RULES
              + "; split the route or protect fewer rules");
    }
    int total = 0;
    for (int matches : matchesPerRule) {
      if (matches > MAX_MATCHES_PER_RULE) {
        throw new InvalidInputException(
            "routeYaml", matches + " matches in one rule", "is over the limit of 64");
      }
      total += matches;
    }
    if (total > MAX_MATCHES_PER_ROUTE) {
      throw new InvalidInputException(
          "routeYaml", total + " matches", "would be over the route limit of 128");
    }
  }
}
