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
 *   <li>Canary (targets stable and canary): see {@link #canaryCandidates}.
 *   <li>A/B test (target ab-off): the Service a rule with a header or query match sends all its
 *       traffic to, unless it is named {@code stable} or {@code *-stable}: a premium rule that
 *       keeps some users on stable is not an experiment to turn off.
 *   <li>Blue-green (targets blue and green): a backend named {@code blue}/{@code *-blue} or {@code
 *       green}/{@code *-green}.
 * </ul>
 */
final class CanaryInference {
  private CanaryInference() {}

  /**
   * The backends that are certainly a canary: those named {@code canary} or {@code *-canary} that
   * share a rule with another backend; when none is named so, those (not named {@code *-stable})
   * that carry traffic in some rule and strictly under half of the traffic of every rule they share
   * with another backend. Exactly one is an answer; none or several are a refusal, never a guess: a
   * rule with one backend at 0 and another at all the traffic is not a canary split, and either
   * side of it may be the one in production.
   */
  static Set<String> canaryCandidates(HTTPRoute route) {
    Set<String> named =
        backendNames(
            route,
            (rule, backend) -> hasSuffix(backend, "canary") && rule.getBackendRefs().size() > 1);
    if (!named.isEmpty()) {
      return named;
    }
    Set<String> minority = new LinkedHashSet<>();
    for (String name : backendNames(route, (rule, backend) -> !hasSuffix(backend, "stable"))) {
      if (isMinority(route, name)) {
        minority.add(name);
      }
    }
    return minority;
  }

  /**
   * "; rule 0 sends all its traffic to a and none to b, which is not a canary split: either side
   * may be production", for the first rule like that, or "" when there is none.
   */
  static String allOrNothing(HTTPRoute route) {
    List<HTTPRouteRule> rules = route.getSpec().getRules();
    for (int r = 0; r < rules.size(); r++) {
      List<HTTPBackendRef> backends = rules.get(r).getBackendRefs();
      if (backends == null || backends.size() < 2) {
        continue;
      }
      List<String> carrying =
          backends.stream().filter(b -> weight(b) > 0).map(HTTPBackendRef::getName).toList();
      if (carrying.size() == 1) {
        List<String> idle =
            backends.stream().filter(b -> weight(b) == 0).map(HTTPBackendRef::getName).toList();
        return "; rule "
            + r
            + " sends all its traffic to "
            + carrying.get(0)
            + " and none to "
            + String.join(", ", idle)
            + ", which is not a canary split: either side may be the one in production";
      }
    }
    return "";
  }

  private static boolean isMinority(HTTPRoute route, String name) {
    boolean carries = false;
    for (HTTPRouteRule rule : route.getSpec().getRules()) {
      List<HTTPBackendRef> backends = rule.getBackendRefs();
      if (backends == null || backends.size() < 2) {
        continue;
      }
      long own = 0;
      long total = 0;
      boolean listed = false;
      for (HTTPBackendRef backend : backends) {
        total += weight(backend);
        if (name.equals(backend.getName())) {
          listed = true;
          own += weight(backend);
        }
      }
      if (!listed || total == 0) {
        continue;
      }
      if (2 * own >= total) {
        return false;
      }
      carries |= own > 0;
    }
    return carries;
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
