package dev.trafficengineer.core.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.precedence.Decision;
import dev.trafficengineer.core.precedence.ProofFinding;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCBackendRefBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteMatchBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteRuleBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The GRPCRoute engine against its own definition on random routes and calls drawn from small
 * pools, so that matches overlap often: the winner matches and nothing matching outranks it; the
 * input order of routes never changes the answer; a rule TE301 calls unreachable never takes a
 * call.
 */
class GrpcPrecedencePropertiesTest {
  private static final List<String> SERVICES = List.of("shop.a.S", "shop.a.Service", "shop.b.T");
  private static final List<String> METHODS = List.of("Get", "GetAll", "Put");
  private static final List<String> HOSTS = List.of("h.example.com", "g.example.com", "other.test");

  record Call(String service, String method, Map<String, String> headers, String host) {
    GrpcRequest request() {
      return new GrpcRequest(service, method, headers, host);
    }
  }

  @Property(tries = 300)
  void theWinnerMatchesAndNothingMatchingOutranksIt(
      @ForAll("routes") List<GRPCRoute> routes, @ForAll("calls") List<Call> calls) {
    List<GrpcCandidate> candidates = GrpcPrecedence.candidates(routes);
    Comparator<GrpcPrecedence.Scored> order =
        GrpcPrecedence.STEPS.stream()
            .map(GrpcPrecedence.Step::order)
            .reduce(Comparator::thenComparing)
            .orElseThrow();
    for (Call call : calls) {
      GrpcRequest request = call.request();
      Decision decision = GrpcPrecedence.decide(routes, request);
      List<GrpcPrecedence.Scored> matching = new ArrayList<>();
      for (GrpcCandidate candidate : candidates) {
        GrpcRouteFacts.HostMatch host = candidate.route().hostMatch(request.host());
        if (host != null && candidate.matches(request)) {
          matching.add(new GrpcPrecedence.Scored(candidate, host));
        }
      }
      if (matching.isEmpty()) {
        assertThat(decision.matched()).isFalse();
        continue;
      }
      GrpcPrecedence.Scored best = Collections.min(matching, order);
      assertThat(decision.winner()).isEqualTo(best.candidate().ref());
    }
  }

  @Property(tries = 300)
  void reorderingRoutesNeverChangesTheAnswer(
      @ForAll("routes") List<GRPCRoute> routes, @ForAll("calls") List<Call> calls) {
    List<GRPCRoute> reversed = new ArrayList<>(routes);
    Collections.reverse(reversed);
    for (Call call : calls) {
      Decision forward = GrpcPrecedence.decide(routes, call.request());
      Decision backward = GrpcPrecedence.decide(reversed, call.request());
      assertThat(nameOf(routes, forward)).isEqualTo(nameOf(reversed, backward));
    }
  }

  @Property(tries = 300)
  void anUnreachableRuleNeverTakesACall(
      @ForAll("routes") List<GRPCRoute> routes, @ForAll("calls") List<Call> calls) {
    List<ProofFinding> unreachable = GrpcProofs.unreachableRules(routes);
    for (Call call : calls) {
      Decision decision = GrpcPrecedence.decide(routes, call.request());
      if (decision.matched()) {
        assertThat(unreachable)
            .noneMatch(
                f ->
                    f.route() == decision.winner().route() && f.rule() == decision.winner().rule());
      }
    }
  }

  private static String nameOf(List<GRPCRoute> routes, Decision decision) {
    return decision.matched()
        ? routes.get(decision.winner().route()).getMetadata().getName()
            + "#"
            + decision.winner().rule()
        : "404";
  }

  @Provide
  Arbitrary<List<GRPCRoute>> routes() {
    Arbitrary<GRPCRouteRule> rule =
        Combinators.combine(
                Arbitraries.of(SERVICES).injectNull(0.4),
                Arbitraries.of(METHODS).injectNull(0.5),
                Arbitraries.of("", "x=1", "x=2", "y=1", "x=1,y=1").injectNull(0.2))
            .as(GrpcPrecedencePropertiesTest::rule);
    Arbitrary<List<String>> hostnames =
        Arbitraries.of(List.of(), List.of("h.example.com"), List.of("*.example.com"));
    Arbitrary<String> created =
        Arbitraries.of("2024-01-01T00:00:00Z", "2024-06-01T00:00:00Z").injectNull(0.3);
    return Combinators.combine(rule.list().ofMinSize(1).ofMaxSize(4), hostnames, created)
        .as(
            (rules, hosts, timestamp) ->
                new GRPCRouteBuilder()
                    .withNewMetadata()
                    .withNamespace("ns")
                    .withCreationTimestamp(timestamp)
                    .endMetadata()
                    .withNewSpec()
                    .withHostnames(hosts)
                    .withRules(rules)
                    .endSpec()
                    .build())
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .map(GrpcPrecedencePropertiesTest::named);
  }

  /** Distinct names, so that "{namespace}/{name}" orders the routes whatever the input order. */
  private static List<GRPCRoute> named(List<GRPCRoute> routes) {
    List<GRPCRoute> named = new ArrayList<>();
    for (int i = 0; i < routes.size(); i++) {
      named.add(
          new GRPCRouteBuilder(routes.get(i))
              .editMetadata()
              .withName("r" + i)
              .endMetadata()
              .build());
    }
    return named;
  }

  private static GRPCRouteRule rule(String service, String method, String headers) {
    GRPCRouteRuleBuilder rule =
        new GRPCRouteRuleBuilder()
            .withBackendRefs(new GRPCBackendRefBuilder().withName("b").withPort(1).build());
    if (service == null && method == null && headers == null) {
      return rule.build();
    }
    GRPCRouteMatchBuilder match = new GRPCRouteMatchBuilder();
    if (service != null || method != null) {
      match.withNewMethod().withService(service).withMethod(method).endMethod();
    }
    if (headers != null && !headers.isEmpty()) {
      for (String pair : headers.split(",")) {
        String[] parts = pair.split("=");
        match.addNewHeader().withName(parts[0]).withValue(parts[1]).endHeader();
      }
    }
    return rule.withMatches(match.build()).build();
  }

  @Provide
  Arbitrary<List<Call>> calls() {
    return Combinators.combine(
            Arbitraries.of(SERVICES),
            Arbitraries.of(METHODS),
            Arbitraries.of(
                Map.<String, String>of(),
                Map.of("x", "1"),
                Map.of("x", "2"),
                Map.of("X", "1", "y", "1"),
                Map.of("y", "1")),
            Arbitraries.of(HOSTS).injectNull(0.3))
        .as(Call::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(8);
  }
}
