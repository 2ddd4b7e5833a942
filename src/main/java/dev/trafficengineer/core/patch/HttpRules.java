package dev.trafficengineer.core.patch;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPQueryParamMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import java.util.ArrayList;
import java.util.List;

/** An HTTPRoute's rules as {@link RouteRules}: a match is a path, a method, headers and queries. */
final class HttpRules {
  private HttpRules() {}

  static List<RouteRules.Rule> of(HTTPRoute route) {
    List<HTTPRouteRule> rules = route.getSpec().getRules();
    return rules == null ? List.of() : rules.stream().map(HttpRules::rule).toList();
  }

  private static RouteRules.Rule rule(HTTPRouteRule rule) {
    List<RouteRules.MatchValue> values = new ArrayList<>();
    List<String> described = new ArrayList<>();
    boolean keyed = false;
    List<HTTPRouteMatch> matches = rule.getMatches() == null ? List.of() : rule.getMatches();
    for (int m = 0; m < matches.size(); m++) {
      HTTPRouteMatch match = matches.get(m);
      String at = "/matches/" + m;
      List<String> parts = new ArrayList<>();
      if (match.getPath() != null) {
        MatchValues.add(values, at + "/path/type", match.getPath().getType());
        MatchValues.add(values, at + "/path/value", match.getPath().getValue());
        if (match.getPath().getValue() != null) {
          parts.add(match.getPath().getValue());
        }
      }
      MatchValues.add(values, at + "/method", match.getMethod());
      List<HTTPHeaderMatch> headers = match.getHeaders() == null ? List.of() : match.getHeaders();
      for (int h = 0; h < headers.size(); h++) {
        HTTPHeaderMatch header = headers.get(h);
        MatchValues.keyValue(
            values, at + "/headers/" + h, header.getName(), header.getType(), header.getValue());
        parts.add(header.getName() + ": " + header.getValue());
      }
      List<HTTPQueryParamMatch> params =
          match.getQueryParams() == null ? List.of() : match.getQueryParams();
      for (int q = 0; q < params.size(); q++) {
        HTTPQueryParamMatch param = params.get(q);
        MatchValues.keyValue(
            values, at + "/queryParams/" + q, param.getName(), param.getType(), param.getValue());
        parts.add("?" + param.getName() + "=" + param.getValue());
      }
      keyed |= !headers.isEmpty() || !params.isEmpty();
      described.add(String.join(" with ", parts));
    }
    return RouteRules.rule(rule.getName(), values, keyed, described, rule.getBackendRefs());
  }
}
