package dev.trafficengineer.core.analysis;

import dev.trafficengineer.core.generate.RouteInput;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The stable and canary weights a route declares, read only where they are certain: one rule splits
 * between the canary and exactly one other Service, and no other rule sends traffic to either of
 * them. Where other rules also reach them (a premium rule to stable, say), the canary's share of
 * the two versions' requests depends on how the traffic spreads over the rules, which the route
 * does not say: then there is no declared split, and the reason says what to give instead.
 */
final class RouteSplit {
  /** The weights, or null with {@code why} saying what is missing. */
  record Read(DeclaredSplit split, String stableService, String canaryService, String why) {}

  private RouteSplit() {}

  static Read of(String routeYaml, String canaryService) {
    HTTPRoute route = RouteInput.single("routeYaml", routeYaml);
    List<HTTPRouteRule> rules =
        route.getSpec().getRules() == null ? List.of() : route.getSpec().getRules();
    String canary = canaryService == null ? onlyCanaryName(rules) : canaryService;
    if (canary == null) {
      return new Read(
          null,
          null,
          null,
          "not exactly one backend of routeYaml has 'canary' in its name; name it with"
              + " canaryService, or give declared weights");
    }
    List<HTTPRouteRule> withCanary = new ArrayList<>();
    for (HTTPRouteRule rule : rules) {
      if (backends(rule).stream().anyMatch(b -> canary.equals(b.getName()))) {
        withCanary.add(rule);
      }
    }
    if (withCanary.size() != 1) {
      return new Read(
          null,
          null,
          canary,
          withCanary.isEmpty()
              ? "no rule of routeYaml sends traffic to " + canary
              : withCanary.size()
                  + " rules of routeYaml send traffic to "
                  + canary
                  + ": the canary's overall share depends on how requests spread over them;"
                  + " give declared weights for the traffic you measure");
    }
    HTTPRouteRule split = withCanary.get(0);
    Set<String> others = new LinkedHashSet<>();
    backends(split).stream()
        .map(HTTPBackendRef::getName)
        .filter(name -> !canary.equals(name))
        .forEach(others::add);
    if (others.size() != 1) {
      return new Read(
          null,
          null,
          canary,
          "the rule that sends traffic to "
              + canary
              + " splits it with "
              + (others.isEmpty() ? "no other backend" : others.size() + " others " + others)
              + ", not with one stable Service; give declared weights");
    }
    String stable = others.iterator().next();
    long rulesToStable =
        rules.stream()
            .filter(rule -> backends(rule).stream().anyMatch(b -> stable.equals(b.getName())))
            .count();
    if (rulesToStable > 1) {
      return new Read(
          null,
          stable,
          canary,
          rulesToStable
              + " rules of routeYaml send traffic to "
              + stable
              + ": the canary's share of both versions depends on how requests spread over"
              + " them; give declared weights for the traffic you measure");
    }
    return new Read(
        new DeclaredSplit(weight(split, stable), weight(split, canary)), stable, canary, null);
  }

  private static String onlyCanaryName(List<HTTPRouteRule> rules) {
    Set<String> names = new LinkedHashSet<>();
    rules.forEach(
        rule ->
            backends(rule).stream()
                .map(HTTPBackendRef::getName)
                .filter(name -> name != null && name.contains("canary"))
                .forEach(names::add));
    return names.size() == 1 ? names.iterator().next() : null;
  }

  /** An omitted weight is 1; a backend listed twice gets the sum of its weights. */
  private static long weight(HTTPRouteRule rule, String name) {
    return backends(rule).stream()
        .filter(b -> name.equals(b.getName()))
        .mapToLong(b -> b.getWeight() == null ? 1 : b.getWeight())
        .sum();
  }

  private static List<HTTPBackendRef> backends(HTTPRouteRule rule) {
    return rule.getBackendRefs() == null ? List.of() : rule.getBackendRefs();
  }
}
