package dev.trafficengineer.core.simulate;

import dev.trafficengineer.core.gateway.GatewayAnalysis;
import dev.trafficengineer.core.gateway.GatewayReport;
import dev.trafficengineer.core.precedence.Backends;
import dev.trafficengineer.core.precedence.Decision;
import dev.trafficengineer.core.precedence.HttpRequest;
import dev.trafficengineer.core.precedence.Precedence;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Sends requests through routes offline: which rule takes each one (see {@link Precedence}) and how
 * that rule splits it, exactly, plus an optional seeded sample like {@code for i in $(seq 1000); do
 * curl ...; done | sort | uniq -c}.
 */
public final class Simulator {
  private Simulator() {}

  public static SimulateResult simulate(SimulateRequest request) {
    List<RequestSpec> specs = RequestRules.requests(request.requests());
    if (GrpcSimulator.wanted(specs)) {
      return GrpcSimulator.simulate(request, specs);
    }
    List<RequestSpec> normalized = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      normalized.add(RequestRules.normalize("requests[" + i + "]", specs.get(i)));
    }
    int count = RequestRules.sampleCount(request.sample(), specs.size());
    RouteDocuments.Read read = RouteDocuments.read("yaml", request.yaml(), RouteDocuments.For.HTTP);
    SplittableRandom random = sampleRandom(request.sample());
    Function<HttpRequest, Decision> decider = Precedence.decider(read.httpRoutes());
    GatewayReport gateways =
        read.context() == null
            ? null
            : GatewayAnalysis.analyze(read.httpRoutes(), read.grpcRoutes(), read.context());
    List<RequestResult> results = new ArrayList<>();
    for (int i = 0; i < normalized.size(); i++) {
      RequestSpec spec = normalized.get(i);
      RequestResult result =
          gateways == null
              ? route(read.httpRoutes(), decider, spec)
              : GatewayRouting.route("requests[" + i + "]", GatewayRouting.HTTP, gateways, spec);
      if (count > 0) {
        result = withCounts(result, WeightedSample.draw(result, count, random.split()));
      }
      results.add(result);
    }
    return new SimulateResult(
        List.copyOf(results),
        read.notes(),
        StickySessions.of(request.sessions(), results, read.httpRoutes()));
  }

  static SplittableRandom sampleRandom(Sample sample) {
    long seed = sample == null || sample.seed() == null ? 0 : sample.seed();
    return new SplittableRandom(seed);
  }

  private static RequestResult route(
      List<HTTPRoute> routes, Function<HttpRequest, Decision> decider, RequestSpec spec) {
    Decision decision = decider.apply(RequestRules.toHttp(spec));
    List<String> reasons = new ArrayList<>(decision.reasons());
    if (!decision.matched()) {
      return new RequestResult(spec, null, null, null, 404, List.of(), reasons, null);
    }
    HTTPRoute route = routes.get(decision.winner().route());
    String namespace =
        route.getMetadata().getNamespace() == null ? "default" : route.getMetadata().getNamespace();
    String name = namespace + "/" + route.getMetadata().getName();
    int ruleIndex = decision.winner().rule();
    HTTPRouteRule rule = Precedence.ruleOf(routes, decision.winner());
    Outcome outcome = outcome(rule, ruleIndex, namespace);
    reasons.add(outcome.reason());
    return new RequestResult(
        spec,
        name,
        ruleIndex,
        decision.winner().match(),
        outcome.status(),
        outcome.backends(),
        List.copyOf(reasons),
        null);
  }

  record Outcome(int status, List<SimulatedBackend> backends, String reason) {}

  static Outcome outcome(HTTPRouteRule rule, int index, String namespace) {
    if (Backends.redirects(rule)) {
      int status = redirectStatus(rule);
      return new Outcome(
          status,
          List.of(),
          "rule " + index + " redirects (RequestRedirect filter): " + status + ", no backend");
    }
    List<HTTPBackendRef> refs = Backends.of(rule);
    if (refs.isEmpty()) {
      return new Outcome(
          500, List.of(), "rule " + index + " has no backendRefs: the Gateway answers 500");
    }
    long total = refs.stream().mapToLong(Backends::weight).sum();
    List<SimulatedBackend> backends = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    for (HTTPBackendRef ref : refs) {
      int weight = Backends.weight(ref);
      double share = total == 0 ? 0 : (double) weight / total;
      String backendNamespace = ref.getNamespace() == null ? namespace : ref.getNamespace();
      backends.add(new SimulatedBackend(ref.getName(), backendNamespace, ref.getPort(), share));
      parts.add(
          ref.getName()
              + " (weight "
              + weight
              + (ref.getWeight() == null ? " by default" : "")
              + ", "
              + (weight == 0 ? "none" : Percent.of(share))
              + ")");
    }
    if (total == 0) {
      return new Outcome(
          500,
          List.copyOf(backends),
          "every backend of rule "
              + index
              + " has weight 0, so no traffic can be sent: answered as 500 (Gateway API leaves"
              + " this undefined; some implementations answer 503)");
    }
    return new Outcome(
        200, List.copyOf(backends), "rule " + index + " sends to " + String.join(", ", parts));
  }

  private static int redirectStatus(HTTPRouteRule rule) {
    for (HTTPRouteFilter filter : rule.getFilters()) {
      if ("RequestRedirect".equals(filter.getType())
          && filter.getRequestRedirect() != null
          && filter.getRequestRedirect().getStatusCode() != null) {
        return filter.getRequestRedirect().getStatusCode();
      }
    }
    return 302;
  }

  static RequestResult withCounts(RequestResult result, Map<String, Long> counts) {
    return new RequestResult(
        result.request(),
        result.route(),
        result.rule(),
        result.match(),
        result.status(),
        result.backends(),
        result.reasons(),
        counts,
        result.listener(),
        result.statusShares());
  }
}
