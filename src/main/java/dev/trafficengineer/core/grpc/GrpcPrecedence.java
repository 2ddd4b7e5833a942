package dev.trafficengineer.core.grpc;

import dev.trafficengineer.core.precedence.Decision;
import dev.trafficengineer.core.precedence.RuleRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Which rule of which GRPCRoute takes a call, in the order apis/v1/grpcroute_types.go (v1.6.1,
 * GRPCRouteRule.Matches) gives: among all matching rules, the most characters in a matching
 * non-wildcard hostname, then in a matching hostname, then in a matching service, then in a
 * matching method, then the most header matches; then the oldest route, then "{namespace}/{name}";
 * within the route, the first matching rule.
 *
 * <p>Unlike the HTTPRoute engine, hostnames rank among the matching rules here rather than select
 * the routes first: that is what the GRPCRoute text says. RegularExpression service/method
 * precedence is implementation-specific; here a regex counts 0 characters (below any exact value)
 * and reasons say so.
 */
public final class GrpcPrecedence {
  private GrpcPrecedence() {}

  /** A matching candidate and how its route's hostnames match the call's host. */
  record Scored(GrpcCandidate candidate, GrpcRouteFacts.HostMatch host) {}

  /** One ranking step: its name, order (smaller first) and the value reasons show. */
  record Step(String name, Comparator<Scored> order, Function<Scored, String> value) {}

  static final List<Step> STEPS =
      List.of(
          new Step(
              "characters in a matching non-wildcard hostname",
              Comparator.comparingInt(s -> -s.host().nonWildcard()),
              s -> s.host().nonWildcard() + " characters"),
          new Step(
              "characters in a matching hostname",
              Comparator.comparingInt(s -> -s.host().any()),
              s ->
                  s.host().hostname() == null
                      ? "no hostname, 0 characters"
                      : s.host().hostname() + ", " + s.host().any() + " characters"),
          new Step(
              "characters in a matching service",
              Comparator.comparingInt(s -> -s.candidate().serviceCharacters()),
              s -> s.candidate().serviceCharacters() + " characters"),
          new Step(
              "characters in a matching method",
              Comparator.comparingInt(s -> -s.candidate().methodCharacters()),
              s -> s.candidate().methodCharacters() + " characters"),
          new Step(
              "most header matches",
              Comparator.comparingInt(s -> -s.candidate().headers().size()),
              s -> s.candidate().headers().size() + " header(s)"),
          new Step(
              "oldest route (creationTimestamp)",
              Comparator.comparing(
                  s -> s.candidate().route().created(),
                  Comparator.nullsLast(Comparator.<Instant>naturalOrder())),
              s ->
                  s.candidate().route().created() == null
                      ? "no creationTimestamp, counts as newest"
                      : "created " + s.candidate().route().created()),
          new Step(
              "{namespace}/{name} alphabetical",
              Comparator.comparing(s -> s.candidate().route().key()),
              s -> s.candidate().route().key()),
          new Step(
              "first matching rule within the route",
              Comparator.<Scored>comparingInt(s -> s.candidate().route().index())
                  .thenComparingInt(s -> s.candidate().rule())
                  .thenComparingInt(s -> s.candidate().match()),
              s -> ""));

  /** Decides where {@code request} goes among {@code routes}, as if all attach to one Gateway. */
  public static Decision decide(List<GRPCRoute> routes, GrpcRequest request) {
    return decider(routes).apply(request);
  }

  /** Decides for many calls against the same routes, compiling the routes' matches once. */
  public static Function<GrpcRequest, Decision> decider(List<GRPCRoute> routes) {
    List<GrpcCandidate> candidates = candidates(routes);
    boolean manyRoutes = routes.size() > 1;
    return request -> decide(candidates, manyRoutes, request);
  }

  /** The rule {@code ref} points at. */
  public static GRPCRouteRule ruleOf(List<GRPCRoute> routes, RuleRef ref) {
    return rulesOf(routes.get(ref.route())).get(ref.rule());
  }

  static List<GRPCRouteRule> rulesOf(GRPCRoute route) {
    return route.getSpec() == null || route.getSpec().getRules() == null
        ? List.of()
        : route.getSpec().getRules();
  }

  static List<GrpcCandidate> candidates(List<GRPCRoute> routes) {
    List<GrpcCandidate> candidates = new ArrayList<>();
    for (int r = 0; r < routes.size(); r++) {
      GrpcRouteFacts facts = GrpcRouteFacts.of(r, routes.get(r));
      List<GRPCRouteRule> rules = rulesOf(routes.get(r));
      for (int i = 0; i < rules.size(); i++) {
        List<GRPCRouteMatch> matches =
            rules.get(i).getMatches() == null ? List.of() : rules.get(i).getMatches();
        if (matches.isEmpty()) {
          candidates.add(GrpcCandidate.of(facts, i, 0, null));
        }
        for (int m = 0; m < matches.size(); m++) {
          candidates.add(GrpcCandidate.of(facts, i, m, matches.get(m)));
        }
      }
    }
    return List.copyOf(candidates);
  }

  static Decision decide(List<GrpcCandidate> candidates, boolean manyRoutes, GrpcRequest request) {
    List<String> reasons = new ArrayList<>();
    if (request.host() == null && manyRoutes) {
      reasons.add("no host given: hostnames are not compared");
    }
    List<Scored> matching = new ArrayList<>();
    List<String> otherHosts = new ArrayList<>();
    for (GrpcCandidate candidate : candidates) {
      GrpcRouteFacts.HostMatch host = candidate.route().hostMatch(request.host());
      if (host == null) {
        if (!otherHosts.contains(candidate.route().key())) {
          otherHosts.add(candidate.route().key());
        }
      } else if (candidate.matches(request)) {
        matching.add(new Scored(candidate, host));
      }
    }
    if (!otherHosts.isEmpty()) {
      reasons.add("host " + request.host() + " is not served by " + String.join(", ", otherHosts));
    }
    if (matching.isEmpty()) {
      reasons.add(
          "no rule matches "
              + request.describe()
              + ": the Gateway answers gRPC status UNIMPLEMENTED (HTTP 404)");
      return new Decision(null, reasons);
    }
    boolean withRoute =
        matching.stream().map(s -> s.candidate().route().index()).distinct().count() > 1
            || manyRoutes;
    reasons.add(matchingReason(matching, withRoute));
    if (matching.stream().anyMatch(s -> s.candidate().usesRegex())) {
      reasons.add(
          "a RegularExpression match is involved: Gateway API leaves its precedence to the"
              + " implementation (here a regex service or method counts 0 characters, below any"
              + " exact value; a regex header counts like an exact one)");
    }
    return new Decision(rank(matching, withRoute, reasons).candidate().ref(), reasons);
  }

  private static String matchingReason(List<Scored> matching, boolean withRoute) {
    if (matching.size() == 1) {
      GrpcCandidate only = matching.get(0).candidate();
      return "only " + only.label(withRoute) + " matches: " + only.describe();
    }
    List<String> parts = new ArrayList<>();
    for (Scored scored : matching) {
      parts.add(scored.candidate().label(withRoute) + " (" + scored.candidate().describe() + ")");
    }
    return matching.size() + " matches: " + String.join("; ", parts);
  }

  /** Applies the steps in order, each keeping the best of what the previous ones left. */
  private static Scored rank(List<Scored> matching, boolean withRoute, List<String> reasons) {
    List<Scored> remaining = matching;
    for (Step step : STEPS) {
      if (remaining.size() == 1) {
        break;
      }
      Scored best = remaining.stream().min(step.order()).orElseThrow();
      List<Scored> kept = new ArrayList<>();
      List<Scored> dropped = new ArrayList<>();
      for (Scored scored : remaining) {
        (step.order().compare(scored, best) == 0 ? kept : dropped).add(scored);
      }
      if (!dropped.isEmpty()) {
        reasons.add(step.name() + ": " + outcome(step, kept, dropped, withRoute));
      }
      remaining = kept;
    }
    return remaining.get(0);
  }

  private static String outcome(
      Step step, List<Scored> kept, List<Scored> dropped, boolean withRoute) {
    String winner = kept.get(0).candidate().label(withRoute);
    if (step.value().apply(kept.get(0)).isEmpty()) {
      return winner
          + " comes first, before "
          + String.join(", ", dropped.stream().map(s -> s.candidate().label(withRoute)).toList())
          + " -> "
          + winner;
    }
    String result = kept.size() == 1 ? winner : kept.size() + " matches still tied";
    return describe(step, kept, withRoute)
        + " beats "
        + describe(step, dropped, withRoute)
        + " -> "
        + result;
  }

  private static String describe(Step step, List<Scored> scored, boolean withRoute) {
    return String.join(
        ", ",
        scored.stream()
            .map(s -> s.candidate().label(withRoute) + " (" + step.value().apply(s) + ")")
            .toList());
  }
}
