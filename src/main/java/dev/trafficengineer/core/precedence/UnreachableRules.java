package dev.trafficengineer.core.precedence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * TE301, proved symbolically: a rule is unreachable when each of its matches M has a match M' of
 * another rule that takes every request M takes (same or weaker path, method, header and query
 * conditions) and ranks before M. Ranking between two matches that both take a request does not
 * depend on the request, so M' then wins every request M could win. Only routes with the same
 * hostnames are compared, since they compete for exactly the same hosts; regular expressions are
 * never assumed to contain anything, so every finding is a proof.
 */
final class UnreachableRules {
  private UnreachableRules() {}

  static List<ProofFinding> of(RouteSet routes) {
    List<ProofFinding> findings = new ArrayList<>();
    for (RouteFacts route : routes.facts()) {
      int rules = RouteSet.rulesOf(routes.routes().get(route.index())).size();
      for (int rule = 0; rule < rules; rule++) {
        shadowed(routes, route, rule).ifPresent(findings::add);
      }
    }
    return List.copyOf(findings);
  }

  private static Optional<ProofFinding> shadowed(RouteSet routes, RouteFacts route, int rule) {
    List<String> explanations = new ArrayList<>();
    for (Candidate match : routes.candidates()) {
      if (match.route().index() != route.index() || match.rule() != rule) {
        continue;
      }
      Optional<Candidate> shadow = shadowOf(routes, match);
      if (shadow.isEmpty()) {
        return Optional.empty();
      }
      explanations.add(explain(match, shadow.get(), routes.manyRoutes()));
    }
    String message =
        "rule "
            + rule
            + (routes.manyRoutes() ? " of " + route.key() : "")
            + " can never be reached: "
            + String.join("; ", explanations);
    String fix =
        "Remove the rule, or make it more specific than the rule that takes its requests (an"
            + " exact or longer path, a method, one more header or query match): Gateway API ranks"
            + " by specificity and uses list order only to break ties.";
    return Optional.of(new ProofFinding("TE301", route.index(), rule, message, fix));
  }

  private static Optional<Candidate> shadowOf(RouteSet routes, Candidate match) {
    return routes.candidates().stream()
        .filter(other -> !sameRule(other, match))
        .filter(other -> sameHostnames(other.route(), match.route()))
        .filter(other -> match.within(other))
        .filter(other -> MatchSpecificity.ORDER.compare(other, match) < 0)
        .findFirst();
  }

  private static boolean sameRule(Candidate a, Candidate b) {
    return a.route().index() == b.route().index() && a.rule() == b.rule();
  }

  private static boolean sameHostnames(RouteFacts a, RouteFacts b) {
    return Set.copyOf(a.hostnames()).equals(Set.copyOf(b.hostnames()));
  }

  private static String explain(Candidate match, Candidate shadow, boolean withRoute) {
    String step =
        MatchSpecificity.STEPS.stream()
            .filter(s -> s.order().compare(shadow, match) < 0)
            .findFirst()
            .map(MatchSpecificity.Step::name)
            .orElseThrow();
    return "every request its "
        + (match.matchesInRule() > 1 ? "match " + match.match() + " " : "match ")
        + "("
        + match.describe()
        + ") takes is also taken by "
        + shadow.label(withRoute)
        + " ("
        + shadow.describe()
        + "), which ranks first by "
        + step;
  }
}
