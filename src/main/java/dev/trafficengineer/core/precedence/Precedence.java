package dev.trafficengineer.core.precedence;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which rule of which route takes a request, decided as Gateway API specifies it (see {@link
 * MatchSpecificity} and {@link HostnameMatch}), with the reasons step by step.
 */
public final class Precedence {
  private Precedence() {}

  /** Decides where {@code request} goes among {@code routes}, as if all attach to one Gateway. */
  public static Decision decide(List<HTTPRoute> routes, HttpRequest request) {
    return decide(RouteSet.of(routes), request);
  }

  /** Decides for many requests against the same routes, compiling the routes' matches only once. */
  public static Function<HttpRequest, Decision> decider(List<HTTPRoute> routes) {
    RouteSet compiled = RouteSet.of(routes);
    return request -> decide(compiled, request);
  }

  /** The rule {@code ref} points at; for a route without rules, the API server's default rule. */
  public static HTTPRouteRule ruleOf(List<HTTPRoute> routes, RuleRef ref) {
    return RouteSet.rulesOf(routes.get(ref.route())).get(ref.rule());
  }

  static Decision decide(RouteSet routes, HttpRequest request) {
    List<String> reasons = new ArrayList<>();
    HostnameMatch.Selection hosts = HostnameMatch.select(routes.facts(), request.host());
    if (routes.manyRoutes() || request.host() != null) {
      reasons.add(hosts.reason());
    }
    Set<Integer> competing = new LinkedHashSet<>();
    hosts.routes().forEach(route -> competing.add(route.index()));
    List<Candidate> matching = new ArrayList<>();
    for (Candidate candidate : routes.candidates()) {
      if (competing.contains(candidate.route().index()) && candidate.matches(request)) {
        matching.add(candidate);
      }
    }
    if (matching.isEmpty()) {
      reasons.add("no rule matches " + request.describe() + ": the Gateway answers 404");
      return new Decision(null, reasons);
    }
    boolean withRoute = competing.size() > 1;
    reasons.add(matchingReason(matching, withRoute));
    if (matching.stream().anyMatch(Candidate::usesRegex)) {
      reasons.add(
          "a RegularExpression match is involved: Gateway API leaves its precedence to the"
              + " implementation (here Exact > RegularExpression, longer pattern first > PathPrefix;"
              + " a RegularExpression header or query param counts like an exact one)");
    }
    Candidate winner = rank(matching, withRoute, reasons);
    return new Decision(winner.ref(), reasons);
  }

  private static String matchingReason(List<Candidate> matching, boolean withRoute) {
    if (matching.size() == 1) {
      Candidate only = matching.get(0);
      return "only " + only.label(withRoute) + " matches: " + only.describe();
    }
    List<String> parts = new ArrayList<>();
    for (Candidate candidate : matching) {
      parts.add(candidate.label(withRoute) + " (" + candidate.describe() + ")");
    }
    return matching.size() + " matches: " + String.join("; ", parts);
  }

  /** Applies the steps in order, each keeping the best of what the previous ones left. */
  private static Candidate rank(List<Candidate> matching, boolean withRoute, List<String> reasons) {
    List<Candidate> remaining = matching;
    List<String> ties = new ArrayList<>();
    for (MatchSpecificity.Step step : MatchSpecificity.STEPS) {
      if (remaining.size() == 1) {
        break;
      }
      Candidate best = remaining.stream().min(step.order()).orElseThrow();
      List<Candidate> kept = new ArrayList<>();
      List<Candidate> dropped = new ArrayList<>();
      for (Candidate candidate : remaining) {
        (step.order().compare(candidate, best) == 0 ? kept : dropped).add(candidate);
      }
      if (dropped.isEmpty()) {
        String value = distinctValues(step, remaining);
        boolean oneRoute = remaining.stream().map(c -> c.route().index()).distinct().count() == 1;
        if (!value.isEmpty() && !(oneRoute && step.acrossRoutes())) {
          ties.add(step.name() + " (" + value + ")");
        }
      } else {
        if (!ties.isEmpty()) {
          reasons.add("tied on " + String.join(", ", ties));
          ties.clear();
        }
        reasons.add(step.name() + ": " + outcome(step, kept, dropped, withRoute));
      }
      remaining = kept;
    }
    return remaining.get(0);
  }

  private static String distinctValues(MatchSpecificity.Step step, List<Candidate> candidates) {
    return String.join(" / ", candidates.stream().map(step.value()).distinct().toList());
  }

  private static String outcome(
      MatchSpecificity.Step step,
      List<Candidate> kept,
      List<Candidate> dropped,
      boolean withRoute) {
    if (step.value().apply(kept.get(0)).isEmpty()) {
      return kept.get(0).label(withRoute)
          + " is listed before "
          + String.join(", ", dropped.stream().map(c -> c.label(withRoute)).toList())
          + " -> "
          + kept.get(0).label(withRoute);
    }
    String winners = describe(step, kept, withRoute);
    String losers = describe(step, dropped, withRoute);
    String result =
        kept.size() == 1 ? kept.get(0).label(withRoute) : kept.size() + " matches still tied";
    return winners + " beats " + losers + " -> " + result;
  }

  private static String describe(
      MatchSpecificity.Step step, List<Candidate> candidates, boolean withRoute) {
    return String.join(
        ", ",
        candidates.stream()
            .map(c -> c.label(withRoute) + " (" + step.value().apply(c) + ")")
            .toList());
  }
}
