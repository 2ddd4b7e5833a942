package dev.trafficengineer.core.generate;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.trafficengineer.core.grpc.GrpcProofs;
import dev.trafficengineer.core.grpc.GrpcRouteFrame;
import dev.trafficengineer.core.input.InputRules;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.patch.RouteRules;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCHeaderMatchBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteMatchBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteRuleBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link PremiumProtection} for a GRPCRoute: every rule that could send a premium call elsewhere
 * gets a twin with the same service/method match plus the premium header, sending only to the
 * protected Service. Under GRPCRoute precedence the twin ties with its original on hostname,
 * service and method characters and wins on header matches (or, when the original already requires
 * the header, by coming first). The result is then proved with the GRPCRoute precedence and refused
 * if the proof fails.
 */
final class GrpcPremiumProtection {
  private static final int MAX_HEADERS = 16;

  private GrpcPremiumProtection() {}

  static RouteResult add(PremiumRuleRequest request, String service, HeaderMatchInput header) {
    GRPCRoute route = GrpcRouteInput.single("routeYaml", request.routeYaml());
    GRPCHeaderMatch premium =
        new GRPCHeaderMatchBuilder()
            .withName(InputRules.headerName("header.name", header.name()))
            .withValue(InputRules.headerValue("header.value", header.value()))
            .build();
    List<GRPCRouteRule> rules = route.getSpec().getRules();
    if (rules.isEmpty()) {
      throw new InvalidInputException(
          "routeYaml", "spec.rules", "is empty: there is no routing to protect calls from");
    }
    RouteRules read = RouteRules.of(route);
    int port = PremiumRules.portOf(read, service, request.port());
    List<GRPCRouteRule> twins = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      if (!PremiumRules.sendsOnlyTo(read.rules().get(i), service)) {
        GRPCRouteRule twin = twinOf(rules.get(i), premium, service, port);
        if (twin != null && !rules.contains(twin) && !twins.contains(twin)) {
          twins.add(twin);
        }
      }
    }
    List<GRPCRouteRule> all = new ArrayList<>(twins);
    all.addAll(rules);
    PremiumRules.checkLimits(all.stream().map(rule -> rule.getMatches().size()).toList(), "rule");
    GRPCRoute result = new GRPCRouteBuilder(route).editSpec().withRules(all).endSpec().build();
    GrpcProofs.protectionFinding(List.of(result), premium.getName(), premium.getValue(), service)
        .ifPresent(
            broken -> {
              throw new InvalidInputException(
                  "routeYaml", "(GRPCRoute)", "cannot be protected: " + broken.message());
            });
    List<String> notes = new ArrayList<>();
    String what = premium.getName() + ": " + premium.getValue();
    notes.add(
        twins.isEmpty()
            ? "Nothing to add: every call with " + what + " already reaches only " + service + "."
            : "Added "
                + twins.size()
                + (twins.size() == 1 ? " rule" : " rules")
                + " at the top. Each copies the service/method match of a rule that could send"
                + " these calls elsewhere, adds the header "
                + what
                + " and sends to "
                + service
                + " only: one more header match makes it win under GRPCRoute precedence, not"
                + " just by being first.");
    notes.add(
        "Proved with GRPCRoute precedence over every service, method, header and host the route"
            + " matches: a call with "
            + what
            + " reaches only "
            + service
            + " (within this route; another route on the same Gateway with a longer hostname,"
            + " service or method match can still take such calls).");
    return GrpcGenerators.result(result, notes);
  }

  /** The rule restricted to premium calls, or null when no premium call can match it. */
  private static GRPCRouteRule twinOf(
      GRPCRouteRule rule, GRPCHeaderMatch premium, String service, int port) {
    List<GRPCRouteMatch> matches =
        rule.getMatches().isEmpty() ? List.of(new GRPCRouteMatch()) : rule.getMatches();
    List<GRPCRouteMatch> twinMatches = new ArrayList<>();
    for (GRPCRouteMatch match : matches) {
      GRPCRouteMatch twin = premiumVersionOf(match, premium);
      if (twin != null && !twinMatches.contains(twin)) {
        twinMatches.add(twin);
      }
    }
    if (twinMatches.isEmpty()) {
      return null;
    }
    GRPCRouteRuleBuilder twin =
        new GRPCRouteRuleBuilder(rule)
            .withMatches(twinMatches)
            .withBackendRefs(GrpcRouteFrame.backend(service, port, 100));
    if (rule.getName() != null) {
      twin.withName(rule.getName() + "-premium");
    }
    return twin.build();
  }

  private static GRPCRouteMatch premiumVersionOf(GRPCRouteMatch match, GRPCHeaderMatch premium) {
    List<GRPCHeaderMatch> headers = new ArrayList<>();
    boolean seen = false;
    for (GRPCHeaderMatch header : match.getHeaders()) {
      if (header.getName() == null || !header.getName().equalsIgnoreCase(premium.getName())) {
        headers.add(header);
        continue;
      }
      if (seen || !accepts(header, premium.getValue())) {
        return null;
      }
      seen = true;
      headers.add(premium);
    }
    if (!seen) {
      if (headers.size() >= MAX_HEADERS) {
        throw new InvalidInputException(
            "routeYaml",
            match.getHeaders().size() + " header matches",
            "leave no room for the premium header (limit " + MAX_HEADERS + " per match)");
      }
      headers.add(premium);
    }
    return new GRPCRouteMatchBuilder(match).withHeaders(headers).build();
  }

  private static boolean accepts(GRPCHeaderMatch header, String value) {
    if ("RegularExpression".equals(header.getType())) {
      try {
        return Pattern.compile(header.getValue()).matcher(value).matches();
      } catch (PatternSyntaxException e) {
        return false;
      }
    }
    return value.equals(header.getValue());
  }
}
