package dev.trafficengineer.core.generate;

import dev.trafficengineer.core.input.InputRules;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.patch.RouteRules;
import dev.trafficengineer.core.precedence.RouteProofs;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatchBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRuleBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Adds premium protection to an existing route: requests carrying the protected header reach only
 * the protected Service, whatever rule they would otherwise hit.
 *
 * <p>Listing one premium rule first is not enough: Gateway API picks the most specific match across
 * all rules (exact path, then longest prefix, method, header count, query count) and uses list
 * order only for ties. So every rule that could send a premium request elsewhere gets a premium
 * twin: the same matches plus the premium header, the same filters and timeouts, and the protected
 * Service as its only backend. A twin matches everything its original matches for premium requests
 * and is strictly more specific (one more header), so it wins; being listed first settles the cases
 * where it only ties.
 */
public final class PremiumProtection {
  static final HeaderMatchInput DEFAULT_HEADER = new HeaderMatchInput("x-api-tier", "premium");
  private static final int MAX_HEADERS = 16;

  private PremiumProtection() {}

  public static RouteResult add(PremiumRuleRequest request) {
    String service = InputRules.label("service", request.service());
    HeaderMatchInput header = request.header() == null ? DEFAULT_HEADER : request.header();
    if (header.type() != null && !"Exact".equals(header.type())) {
      throw new InvalidInputException(
          "header.type",
          header.type(),
          "must be Exact: protection is for requests that carry exactly this value");
    }
    if (GrpcRouteInput.isGrpcRoute(request.routeYaml())) {
      return GrpcPremiumProtection.add(request, service, header);
    }
    HTTPRoute route = RouteInput.single("routeYaml", request.routeYaml());
    HTTPHeaderMatch premium = RouteFrame.headerMatch("header", header);
    Protected result = protect(route, service, premium, request.port());
    List<String> notes = new ArrayList<>();
    if (result.added() == 0) {
      notes.add(
          "Nothing to add: every request with "
              + premium.getName()
              + ": "
              + premium.getValue()
              + " already reaches only "
              + service
              + ".");
    } else {
      notes.add(
          "Added "
              + result.added()
              + (result.added() == 1 ? " rule" : " rules")
              + " at the top. Each copies the matches of a rule that could send these requests"
              + " elsewhere, adds the header "
              + premium.getName()
              + ": "
              + premium.getValue()
              + " and sends to "
              + service
              + " only: one more header makes it more specific than its original, so it wins"
              + " under Gateway API precedence, not just by being first.");
    }
    notes.addAll(result.notes());
    notes.add(proven(result.route(), premium, service));
    return RouteResults.of(
        result.route(), RouteResults.standardCommands(result.route()), List.copyOf(notes));
  }

  record Protected(HTTPRoute route, int added, List<String> notes) {}

  /**
   * Checks the result over every request the route can take, not by construction alone: a route
   * whose protection cannot be proved is refused with the request that breaks it.
   */
  private static String proven(HTTPRoute route, HTTPHeaderMatch premium, String service) {
    RouteProofs.protectionCounterexample(
            List.of(route), premium.getName(), premium.getValue(), service)
        .ifPresent(
            broken -> {
              throw new InvalidInputException(
                  "routeYaml",
                  "(HTTPRoute)",
                  "cannot be protected: "
                      + broken.request().describe()
                      + " would still reach "
                      + String.join(", ", broken.backends())
                      + " ("
                      + String.join("; ", broken.reasons())
                      + ")");
            });
    return "Proved over every path, method, header and query parameter the route matches: a"
        + " request with "
        + premium.getName()
        + ": "
        + premium.getValue()
        + " reaches only "
        + service
        + " (within this route; another route on the same Gateway with a more specific match or"
        + " hostname can still take such requests).";
  }

  static Protected protect(HTTPRoute route, String service, HTTPHeaderMatch premium, Integer port) {
    List<HTTPRouteRule> rules = route.getSpec().getRules();
    if (rules.isEmpty()) {
      throw new InvalidInputException(
          "routeYaml", "spec.rules", "is empty: there is no routing to protect requests from");
    }
    RouteRules read = RouteRules.of(route);
    int servicePort = PremiumRules.portOf(read, service, port);
    List<HTTPRouteRule> twins = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      HTTPRouteRule rule = rules.get(i);
      if (PremiumRules.sendsOnlyTo(read.rules().get(i), service)) {
        continue;
      }
      if (hasRedirect(rule)) {
        notes.add(
            "Rule "
                + i
                + " redirects instead of sending to a backend; premium requests it matches are"
                + " redirected like everyone else's.");
        continue;
      }
      twinOf(rule, premium, service, servicePort)
          .filter(twin -> !rules.contains(twin) && !twins.contains(twin))
          .ifPresent(twins::add);
    }
    List<HTTPRouteRule> all = new ArrayList<>(twins);
    all.addAll(rules);
    PremiumRules.checkLimits(
        all.stream().map(rule -> Math.max(1, rule.getMatches().size())).toList(), "path");
    HTTPRoute result = new HTTPRouteBuilder(route).editSpec().withRules(all).endSpec().build();
    return new Protected(result, twins.size(), List.copyOf(notes));
  }

  private static Optional<HTTPRouteRule> twinOf(
      HTTPRouteRule rule, HTTPHeaderMatch premium, String service, int port) {
    List<HTTPRouteMatch> matches =
        rule.getMatches().isEmpty() ? List.of(new HTTPRouteMatch()) : rule.getMatches();
    List<HTTPRouteMatch> twinMatches = new ArrayList<>();
    for (HTTPRouteMatch match : matches) {
      premiumVersionOf(match, premium)
          .filter(twin -> !twinMatches.contains(twin))
          .ifPresent(twinMatches::add);
    }
    if (twinMatches.isEmpty()) {
      return Optional.empty();
    }
    HTTPRouteRuleBuilder twin =
        new HTTPRouteRuleBuilder(rule)
            .withMatches(twinMatches)
            .withBackendRefs(RouteFrame.backend(service, port, 100));
    if (rule.getName() != null) {
      twin.withName(rule.getName() + "-premium");
    }
    return Optional.of(twin.build());
  }

  /**
   * The match restricted to premium requests, or empty when no premium request can match it (it
   * requires another value of the same header).
   */
  private static Optional<HTTPRouteMatch> premiumVersionOf(
      HTTPRouteMatch match, HTTPHeaderMatch premium) {
    List<HTTPHeaderMatch> headers = new ArrayList<>();
    boolean seen = false;
    for (HTTPHeaderMatch header : match.getHeaders()) {
      if (!sameName(header, premium)) {
        headers.add(header);
        continue;
      }
      if (seen || !accepts(header, premium.getValue())) {
        return Optional.empty();
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
    return Optional.of(new HTTPRouteMatchBuilder(match).withHeaders(headers).build());
  }

  private static boolean accepts(HTTPHeaderMatch header, String value) {
    if ("RegularExpression".equals(header.getType())) {
      try {
        return com.google.re2j.Pattern.compile(header.getValue()).matcher(value).matches();
      } catch (com.google.re2j.PatternSyntaxException e) {
        return false;
      }
    }
    return value.equals(header.getValue());
  }

  /** Header names compare case-insensitively in HTTP and in Gateway API matching. */
  private static boolean sameName(HTTPHeaderMatch a, HTTPHeaderMatch b) {
    return a.getName() != null && a.getName().equalsIgnoreCase(b.getName());
  }

  private static boolean hasRedirect(HTTPRouteRule rule) {
    return rule.getFilters().stream().anyMatch(f -> "RequestRedirect".equals(f.getType()));
  }
}
