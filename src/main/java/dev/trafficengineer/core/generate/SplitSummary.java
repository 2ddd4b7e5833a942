package dev.trafficengineer.core.generate;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Describes, rule by rule, which requests a route takes and where it sends them. */
public final class SplitSummary {
  private SplitSummary() {}

  public static List<RuleSplit> of(HTTPRoute route) {
    List<HTTPRouteRule> rules = route.getSpec().getRules();
    List<RuleSplit> result = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      HTTPRouteRule rule = rules.get(i);
      result.add(new RuleSplit(i, describe(rule.getMatches()), shares(rule.getBackendRefs())));
    }
    return List.copyOf(result);
  }

  static List<BackendShare> shares(List<HTTPBackendRef> backends) {
    long total = 0;
    for (HTTPBackendRef backend : backends) {
      total += weightOf(backend);
    }
    List<BackendShare> shares = new ArrayList<>();
    for (HTTPBackendRef backend : backends) {
      int weight = weightOf(backend);
      double percent =
          total == 0
              ? 0
              : BigDecimal.valueOf(weight * 100L)
                  .divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_EVEN)
                  .doubleValue();
      shares.add(new BackendShare(backend.getName(), backend.getPort(), weight, percent));
    }
    return List.copyOf(shares);
  }

  /** {@code 95.0} as {@code 95%}, {@code 33.33} as {@code 33.33%}. */
  public static String percentText(double percent) {
    return BigDecimal.valueOf(percent).stripTrailingZeros().toPlainString() + "%";
  }

  /** An omitted weight is 1, as the Gateway API defines it. */
  static int weightOf(HTTPBackendRef backend) {
    return backend.getWeight() == null ? 1 : backend.getWeight();
  }

  private static String describe(List<HTTPRouteMatch> matches) {
    if (matches.isEmpty()) {
      return "every request (path prefix /)";
    }
    return matches.stream().map(SplitSummary::describe).collect(Collectors.joining(", or "));
  }

  private static String describe(HTTPRouteMatch match) {
    List<String> parts = new ArrayList<>();
    if (match.getPath() != null) {
      String type = match.getPath().getType() == null ? "PathPrefix" : match.getPath().getType();
      String what =
          switch (type) {
            case "Exact" -> "path ";
            case "RegularExpression" -> "path matching ";
            default -> "path prefix ";
          };
      parts.add(what + (match.getPath().getValue() == null ? "/" : match.getPath().getValue()));
    } else {
      parts.add("path prefix /");
    }
    if (match.getMethod() != null) {
      parts.add("method " + match.getMethod());
    }
    for (HTTPHeaderMatch header : match.getHeaders()) {
      boolean regex = "RegularExpression".equals(header.getType());
      parts.add("header " + header.getName() + (regex ? " matching " : ": ") + header.getValue());
    }
    match
        .getQueryParams()
        .forEach(query -> parts.add("query " + query.getName() + "=" + query.getValue()));
    return String.join(" and ", parts);
  }
}
