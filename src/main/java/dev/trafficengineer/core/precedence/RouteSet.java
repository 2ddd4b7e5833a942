package dev.trafficengineer.core.precedence;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes compiled once for many decisions: every match of every rule, defaults applied, and what
 * each rule does with the requests it takes. A rule without matches has one match, PathPrefix /; a
 * route without rules has the rule the API server defaults to, which matches everything and has no
 * backends. The route models themselves are not kept, so that thousands of routes compiled one at a
 * time fit a small heap.
 */
record RouteSet(List<RouteFacts> facts, List<Candidate> candidates, List<List<RuleTargets>> rules) {

  static RouteSet of(List<HTTPRoute> routes) {
    Builder builder = new Builder();
    routes.forEach(builder::add);
    return builder.build();
  }

  static List<HTTPRouteRule> rulesOf(HTTPRoute route) {
    List<HTTPRouteRule> rules = route.getSpec() == null ? null : route.getSpec().getRules();
    return rules == null || rules.isEmpty() ? List.of(new HTTPRouteRule()) : rules;
  }

  RuleTargets rule(RuleRef ref) {
    return rules.get(ref.route()).get(ref.rule());
  }

  int ruleCount(int route) {
    return rules.get(route).size();
  }

  /** Whether more than one route is involved, so that labels must name the route. */
  boolean manyRoutes() {
    return facts.size() > 1;
  }

  /** Compiles routes as they come, keeping only what the decisions and proofs read. */
  static final class Builder {
    private final List<RouteFacts> facts = new ArrayList<>();
    private final List<Candidate> candidates = new ArrayList<>();
    private final List<List<RuleTargets>> rules = new ArrayList<>();

    void add(HTTPRoute route) {
      RouteFacts compiled = RouteFacts.of(facts.size(), route);
      facts.add(compiled);
      List<HTTPRouteRule> routeRules = rulesOf(route);
      List<RuleTargets> targets = new ArrayList<>(routeRules.size());
      for (int i = 0; i < routeRules.size(); i++) {
        targets.add(RuleTargets.of(routeRules.get(i)));
        List<HTTPRouteMatch> matches = Candidate.orEmpty(routeRules.get(i).getMatches());
        if (matches.isEmpty()) {
          candidates.add(Candidate.of(compiled, i, 0, 1, null));
        }
        for (int m = 0; m < matches.size(); m++) {
          candidates.add(Candidate.of(compiled, i, m, matches.size(), matches.get(m)));
        }
      }
      rules.add(List.copyOf(targets));
    }

    RouteSet build() {
      return new RouteSet(List.copyOf(facts), List.copyOf(candidates), List.copyOf(rules));
    }
  }
}
