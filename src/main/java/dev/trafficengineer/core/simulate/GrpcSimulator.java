package dev.trafficengineer.core.simulate;

import dev.trafficengineer.core.gateway.GatewayAnalysis;
import dev.trafficengineer.core.gateway.GatewayReport;
import dev.trafficengineer.core.grpc.GrpcPrecedence;
import dev.trafficengineer.core.grpc.GrpcRequest;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.precedence.Decision;
import dev.trafficengineer.core.simulate.Simulator.Outcome;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Sends gRPC calls ({@code service}, {@code method}, metadata, host) through the GRPCRoutes of the
 * input: which rule takes each one (see {@link GrpcPrecedence}) and how it splits them. A call no
 * rule matches gets UNIMPLEMENTED (reported as 404, the HTTP status gRPC maps to it); a rule that
 * can send nowhere gets UNAVAILABLE (503), as the GRPCRoute spec requires. With Gateways in the
 * input, a call arrives on a listener and only the GRPCRoutes it admits compete ({@link
 * GatewayRouting}).
 */
final class GrpcSimulator {
  private static final int MAX_NAME = 1024;
  private static final Pattern NAME = Pattern.compile("[\\x21-\\x2e\\x30-\\x7e]+");

  private GrpcSimulator() {}

  /** Whether the requests are gRPC calls; mixing calls and HTTP requests is refused. */
  static boolean wanted(List<RequestSpec> requests) {
    long grpc = requests.stream().filter(r -> r != null && r.service() != null).count();
    if (grpc == 0) {
      return false;
    }
    for (int i = 0; i < requests.size(); i++) {
      if (requests.get(i) == null || requests.get(i).service() == null) {
        throw new InvalidInputException(
            "requests[" + i + "].service",
            null,
            "is required when any request is a gRPC call: one simulation sends either gRPC calls"
                + " (service, method) through GRPCRoutes or HTTP requests (path) through"
                + " HTTPRoutes");
      }
    }
    return true;
  }

  static SimulateResult simulate(SimulateRequest request, List<RequestSpec> specs) {
    List<RequestSpec> normalized = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      normalized.add(normalize("requests[" + i + "]", specs.get(i)));
    }
    int count = RequestRules.sampleCount(request.sample(), specs.size());
    RouteDocuments.Read read = RouteDocuments.read("yaml", request.yaml(), RouteDocuments.For.GRPC);
    SplittableRandom random = Simulator.sampleRandom(request.sample());
    Function<GrpcRequest, Decision> decider = GrpcPrecedence.decider(read.grpcRoutes());
    GatewayReport gateways =
        read.context() == null
            ? null
            : GatewayAnalysis.analyze(read.httpRoutes(), read.grpcRoutes(), read.context());
    List<RequestResult> results = new ArrayList<>();
    for (int i = 0; i < normalized.size(); i++) {
      RequestSpec spec = normalized.get(i);
      RequestResult result =
          gateways == null
              ? route(read.grpcRoutes(), decider, spec)
              : GatewayRouting.route("requests[" + i + "]", GatewayRouting.GRPC, gateways, spec);
      if (count > 0) {
        result = Simulator.withCounts(result, WeightedSample.draw(result, count, random.split()));
      }
      results.add(result);
    }
    return new SimulateResult(List.copyOf(results), read.notes());
  }

  private static RequestSpec normalize(String field, RequestSpec spec) {
    boolean query = spec.query() != null && !spec.query().isEmpty();
    if (spec.path() != null || query) {
      throw new InvalidInputException(
          field + (spec.path() != null ? ".path" : ".query"),
          spec.path() != null ? spec.path() : spec.query().size() + " query parameters",
          "does not apply to a gRPC call: give service and method");
    }
    String service = name(field + ".service", spec.service());
    String method = name(field + ".method", spec.method());
    String host = spec.host() == null ? null : spec.host().toLowerCase(Locale.ROOT);
    if (host != null && (host.length() > 253 || !RequestRules.HOST.matcher(host).matches())) {
      throw new InvalidInputException(
          field + ".host",
          spec.host(),
          "is not a host name (letters, digits, '-' and '.'; no port)");
    }
    return new RequestSpec(
        null,
        method,
        RequestRules.values(field + ".headers", spec.headers(), true),
        null,
        host,
        service,
        RequestRules.port(field, spec));
  }

  /** A service or method name: 1 to 1024 printable characters without '/' or spaces. */
  private static String name(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw InvalidInputException.missing(field);
    }
    if (value.length() > MAX_NAME || !NAME.matcher(value).matches()) {
      throw new InvalidInputException(
          field,
          value,
          "must be 1 to "
              + MAX_NAME
              + " printable characters without '/' or spaces (the call"
              + " /com.example.User/Login has service com.example.User and method Login)");
    }
    return value;
  }

  private static RequestResult route(
      List<GRPCRoute> routes, Function<GrpcRequest, Decision> decider, RequestSpec spec) {
    Decision decision =
        decider.apply(new GrpcRequest(spec.service(), spec.method(), spec.headers(), spec.host()));
    List<String> reasons = new ArrayList<>(decision.reasons());
    if (!decision.matched()) {
      return new RequestResult(spec, null, null, null, 404, List.of(), reasons, null);
    }
    GRPCRoute route = routes.get(decision.winner().route());
    String namespace =
        route.getMetadata().getNamespace() == null ? "default" : route.getMetadata().getNamespace();
    int ruleIndex = decision.winner().rule();
    Simulator.Outcome outcome =
        outcome(GrpcPrecedence.ruleOf(routes, decision.winner()), ruleIndex, namespace);
    reasons.add(outcome.reason());
    return new RequestResult(
        spec,
        namespace + "/" + route.getMetadata().getName(),
        ruleIndex,
        decision.winner().match(),
        outcome.status(),
        outcome.backends(),
        List.copyOf(reasons),
        null);
  }

  /** How rule {@code index} splits the calls it takes; UNAVAILABLE (503) when it can send none. */
  static Simulator.Outcome outcome(GRPCRouteRule rule, int index, String namespace) {
    List<GRPCBackendRef> refs = rule.getBackendRefs() == null ? List.of() : rule.getBackendRefs();
    long total = refs.stream().mapToLong(GrpcSimulator::weight).sum();
    List<SimulatedBackend> backends = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    for (GRPCBackendRef ref : refs) {
      int weight = weight(ref);
      double share = total == 0 ? 0 : (double) weight / total;
      backends.add(
          new SimulatedBackend(
              ref.getName(),
              ref.getNamespace() == null ? namespace : ref.getNamespace(),
              ref.getPort(),
              share));
      parts.add(
          ref.getName()
              + " (weight "
              + weight
              + (ref.getWeight() == null ? " by default" : "")
              + ", "
              + (weight == 0 ? "none" : Percent.of(share))
              + ")");
    }
    if (refs.isEmpty()) {
      return new Outcome(
          503, List.of(), "rule " + index + " has no backendRefs: the call gets UNAVAILABLE (503)");
    }
    if (total == 0) {
      return new Outcome(
          503,
          List.copyOf(backends),
          "every backend of rule "
              + index
              + " has weight 0, so no call can be sent: UNAVAILABLE (503)");
    }
    return new Outcome(
        200, List.copyOf(backends), "rule " + index + " sends to " + String.join(", ", parts));
  }

  /** An omitted weight is 1. */
  private static int weight(GRPCBackendRef ref) {
    return ref.getWeight() == null ? 1 : ref.getWeight();
  }
}
