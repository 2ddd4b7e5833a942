package dev.trafficengineer.core.patch;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCMethodMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteRule;
import java.util.ArrayList;
import java.util.List;

/**
 * A GRPCRoute's rules as {@link RouteRules}: a match is a gRPC method (type, service, method) and
 * headers (gRPC metadata); there are no query parameters, so only headers make a rule keyed.
 */
final class GrpcRules {
  private GrpcRules() {}

  static List<RouteRules.Rule> of(GRPCRoute route) {
    List<GRPCRouteRule> rules = route.getSpec().getRules();
    return rules == null ? List.of() : rules.stream().map(GrpcRules::rule).toList();
  }

  private static RouteRules.Rule rule(GRPCRouteRule rule) {
    List<RouteRules.MatchValue> values = new ArrayList<>();
    List<String> described = new ArrayList<>();
    boolean keyed = false;
    List<GRPCRouteMatch> matches = rule.getMatches() == null ? List.of() : rule.getMatches();
    for (int m = 0; m < matches.size(); m++) {
      GRPCRouteMatch match = matches.get(m);
      String at = "/matches/" + m;
      List<String> parts = new ArrayList<>();
      GRPCMethodMatch method = match.getMethod();
      if (method != null) {
        MatchValues.add(values, at + "/method/type", method.getType());
        MatchValues.add(values, at + "/method/service", method.getService());
        MatchValues.add(values, at + "/method/method", method.getMethod());
        parts.add(
            (method.getService() == null ? "*" : method.getService())
                + "/"
                + (method.getMethod() == null ? "*" : method.getMethod()));
      }
      List<GRPCHeaderMatch> headers = match.getHeaders() == null ? List.of() : match.getHeaders();
      for (int h = 0; h < headers.size(); h++) {
        GRPCHeaderMatch header = headers.get(h);
        MatchValues.keyValue(
            values, at + "/headers/" + h, header.getName(), header.getType(), header.getValue());
        parts.add(header.getName() + ": " + header.getValue());
      }
      keyed |= !headers.isEmpty();
      described.add(String.join(" with ", parts));
    }
    return RouteRules.rule(rule.getName(), values, keyed, described, rule.getBackendRefs());
  }
}
