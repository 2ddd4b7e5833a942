package dev.trafficengineer.core.precedence;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes compiled once for many decisions: every match of every rule, defaults applied. A rule
 * without matches has one match, PathPrefix /; a route without rules has the rule the API server
 * defaults to, which matches everything and has no backends.
 */
record RouteSet(List<HTTPRoute> routes, List<RouteFacts> facts, List<Candidate> candidates) {

  static RouteSet of(List<HTTPRoute> routes) {
    List<RouteFacts> facts = new ArrayList<>();
    List<Candidate> candidates = new ArrayList<>();
    for (int r = 0; r < routes.size(); r++) {
      RouteFacts route = RouteFacts.of(r, routes.get(r));
      facts.add(route);
      List<HTTPRouteRule> rules = rulesOf(routes.get(r));
      for (int i = 0; i < rules.size(); i++) {
        List<HTTPRouteMatch> matches = Candidate.orEmpty(rules.get(i).getMatches());
        if (matches.isEmpty()) {
          candidates.add(Candidate.of(route, i, 0, 1, null));
        }
        for (int m = 0; m < matches.size(); m++) {
          candidates.add(Candidate.of(route, i, m, matches.size(), matches.get(m)));
        }
      }
    }
    return new RouteSet(List.copyOf(routes), List.copyOf(facts), List.copyOf(candidates));
  }

  static List<HTTPRouteRule> rulesOf(HTTPRoute route) {
    List<HTTPRouteRule> rules = route.getSpec() == null ? null : route.getSpec().getRules();
    return rules == null || rules.isEmpty() ? List.of(new HTTPRouteRule()) : rules;
  }

  HTTPRouteRule rule(RuleRef ref) {
    return rulesOf(routes.get(ref.route())).get(ref.rule());
  }

  /** Whether more than one route is involved, so that labels must name the route. */
  boolean manyRoutes() {
    return routes.size() > 1;
  }
}
