package dev.trafficengineer.core.generate;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCMethodMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Describes, rule by rule, which gRPC calls a GRPCRoute takes and where it sends them. */
public final class GrpcSplitSummary {
  private GrpcSplitSummary() {}

  public static List<RuleSplit> of(GRPCRoute route) {
    List<GRPCRouteRule> rules = route.getSpec().getRules();
    List<RuleSplit> result = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      GRPCRouteRule rule = rules.get(i);
      result.add(new RuleSplit(i, describe(rule.getMatches()), shares(rule.getBackendRefs())));
    }
    return List.copyOf(result);
  }

  private static List<BackendShare> shares(List<GRPCBackendRef> backends) {
    long total = 0;
    for (GRPCBackendRef backend : backends) {
      total += weightOf(backend);
    }
    List<BackendShare> shares = new ArrayList<>();
    for (GRPCBackendRef backend : backends) {
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

  /** An omitted weight is 1, as the Gateway API defines it. */
  private static int weightOf(GRPCBackendRef backend) {
    return backend.getWeight() == null ? 1 : backend.getWeight();
  }

  private static String describe(List<GRPCRouteMatch> matches) {
    if (matches.isEmpty()) {
      return "every gRPC call";
    }
    return matches.stream().map(GrpcSplitSummary::describe).collect(Collectors.joining(", or "));
  }

  private static String describe(GRPCRouteMatch match) {
    List<String> parts = new ArrayList<>();
    GRPCMethodMatch method = match.getMethod();
    if (method == null) {
      parts.add("every service and method");
    } else {
      String how = "RegularExpression".equals(method.getType()) ? " matching " : " ";
      if (method.getService() != null) {
        parts.add("service" + how + method.getService());
      }
      if (method.getMethod() != null) {
        parts.add("method" + how + method.getMethod());
      }
    }
    for (GRPCHeaderMatch header : match.getHeaders()) {
      boolean regex = "RegularExpression".equals(header.getType());
      parts.add("header " + header.getName() + (regex ? " matching " : ": ") + header.getValue());
    }
    return String.join(" and ", parts);
  }
}
