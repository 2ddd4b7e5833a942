package dev.trafficengineer.core.rollback;

import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.patch.RouteRules;
import dev.trafficengineer.core.patch.RouteRules.Backend;
import dev.trafficengineer.core.patch.RouteRules.Rule;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
  static Set<String> canaryCandidates(RouteRules route) {
    Set<String> named =
        backendNames(
            route, (rule, backend) -> hasSuffix(backend, "canary") && rule.backends().size() > 1);
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
  static String allOrNothing(RouteRules route) {
    List<Rule> rules = route.rules();
    for (int r = 0; r < rules.size(); r++) {
      List<Backend> backends = rules.get(r).backends();
      if (backends.size() < 2) {
        continue;
      }
      List<String> carrying =
          backends.stream().filter(b -> b.effectiveWeight() > 0).map(Backend::name).toList();
      if (carrying.size() == 1) {
        List<String> idle =
            backends.stream().filter(b -> b.effectiveWeight() == 0).map(Backend::name).toList();
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

  private static boolean isMinority(RouteRules route, String name) {
    boolean carries = false;
    for (Rule rule : route.rules()) {
      List<Backend> backends = rule.backends();
      if (backends.size() < 2) {
        continue;
      }
      long own = 0;
      long total = 0;
      boolean listed = false;
      for (Backend backend : backends) {
        total += backend.effectiveWeight();
        if (name.equals(backend.name())) {
          listed = true;
          own += backend.effectiveWeight();
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

  static String testService(RouteRules route) {
    Set<String> tested =
        backendNames(
            route,
            (rule, backend) ->
                rule.keyed()
                    && !hasSuffix(backend, "stable")
                    && rule.backends().stream()
                        .allMatch(other -> other == backend || other.effectiveWeight() == 0));
    return only(tested, "canaryService", "Services that an A/B rule sends all its traffic to");
  }

  static String color(RouteRules route, String color) {
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
    boolean test(Rule rule, Backend backend);
  }

  private static Set<String> backendNames(RouteRules route, BackendTest test) {
    Set<String> names = new LinkedHashSet<>();
    for (Rule rule : route.rules()) {
      for (Backend backend : rule.backends()) {
        if (backend.name() != null && test.test(rule, backend)) {
          names.add(backend.name());
        }
      }
    }
    return names;
  }

  private static boolean hasSuffix(Backend backend, String word) {
    String name = backend.name();
    return name.equals(word) || name.endsWith("-" + word);
  }
}
