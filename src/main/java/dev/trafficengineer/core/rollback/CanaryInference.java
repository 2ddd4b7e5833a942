package dev.trafficengineer.core.rollback;

import dev.trafficengineer.core.input.InvalidInputException;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds the Service a request is about when it does not name one, and refuses to guess: exactly one
 * candidate is taken, none or several are refused with the candidates listed.
 *
 * <ul>
 *   <li>Canary (targets stable and canary): a backend named {@code canary} or {@code *-canary};
 *       when no backend is named so, a backend that carries traffic (weight above 0) in a rule with
 *       two or more backends and is not named {@code stable} or {@code *-stable}.
 *   <li>A/B test (target ab-off): the Service a rule with a header or query match sends all its
 *       traffic to, unless it is named {@code stable} or {@code *-stable}: a premium rule that
 *       keeps some users on stable is not an experiment to turn off.
 *   <li>Blue-green (targets blue and green): a backend named {@code blue}/{@code *-blue} or {@code
 *       green}/{@code *-green}.
 * </ul>
 */
final class CanaryInference {
  private CanaryInference() {}

  static String canary(HTTPRoute route) {
    Set<String> named = backendNames(route, (rule, backend) -> hasSuffix(backend, "canary"));
    if (!named.isEmpty()) {
      return only(named, "canaryService", "backends named *-canary");
    }
    Set<String> splitting =
        backendNames(
            route,
            (rule, backend) ->
                rule.getBackendRefs().size() > 1
                    && weight(backend) > 0
                    && !hasSuffix(backend, "stable"));
    return only(
        splitting,
        "canaryService",
        "backends that carry part of a split and are not named *-stable");
  }

  static String testService(HTTPRoute route) {
    Set<String> tested =
        backendNames(
            route,
            (rule, backend) ->
                keyed(rule)
                    && !hasSuffix(backend, "stable")
                    && rule.getBackendRefs().stream()
                        .allMatch(other -> other == backend || weight(other) == 0));
    return only(tested, "canaryService", "Services that an A/B rule sends all its traffic to");
  }

  static String color(HTTPRoute route, String color) {
    Set<String> named = backendNames(route, (rule, backend) -> hasSuffix(backend, color));
    return only(named, "target", "backends named *-" + color);
  }

  private static String only(Set<String> candidates, String field, String what) {
    if (candidates.size() == 1) {
      return candidates.iterator().next();
    }
    throw new InvalidInputException(
        field,
        null,
        candidates.isEmpty()
            ? "is needed: the route has no " + what + ", so name the Service"
            : "is needed: the route has several "
                + what
                + " ("
                + String.join(", ", candidates)
                + "); name the one you mean");
  }

  private interface BackendTest {
    boolean test(HTTPRouteRule rule, HTTPBackendRef backend);
  }

  private static Set<String> backendNames(HTTPRoute route, BackendTest test) {
    Set<String> names = new LinkedHashSet<>();
    List<HTTPRouteRule> rules = route.getSpec().getRules();
    for (HTTPRouteRule rule : rules == null ? List.<HTTPRouteRule>of() : rules) {
      List<HTTPBackendRef> backends = rule.getBackendRefs();
      for (HTTPBackendRef backend : backends == null ? List.<HTTPBackendRef>of() : backends) {
        if (backend.getName() != null && test.test(rule, backend)) {
          names.add(backend.getName());
        }
      }
    }
    return names;
  }

  private static boolean hasSuffix(HTTPBackendRef backend, String word) {
    String name = backend.getName();
    return name.equals(word) || name.endsWith("-" + word);
  }

  private static int weight(HTTPBackendRef backend) {
    return backend.getWeight() == null ? 1 : backend.getWeight();
  }

  /** A rule with a header or query-parameter match: an A/B or premium rule. */
  static boolean keyed(HTTPRouteRule rule) {
    Predicate<HTTPRouteMatch> keyed =
        match ->
            (match.getHeaders() != null && !match.getHeaders().isEmpty())
                || (match.getQueryParams() != null && !match.getQueryParams().isEmpty());
    return rule.getMatches() != null && rule.getMatches().stream().anyMatch(keyed);
  }
}
