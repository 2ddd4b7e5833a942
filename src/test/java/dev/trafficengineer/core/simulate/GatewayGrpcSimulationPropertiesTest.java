package dev.trafficengineer.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Gateway with one listener that admits every GRPCRoute (protocol HTTP, any hostname, routes from
 * all namespaces) changes nothing about where a call goes: the answers equal those of the same
 * GRPCRoutes simulated without a Gateway, and every call is taken by that listener. The routes are
 * drawn from small pools (services, methods, hostnames, creation times, weights including 0 and
 * rules without backends) so that they compete often.
 */
class GatewayGrpcSimulationPropertiesTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String LISTENER = "infra/gw/http";
  private static final List<String> SERVICES = List.of("shop.a.S", "shop.a.Service", "shop.b.T");
  private static final List<String> METHODS = List.of("Get", "GetAll", "Put");
  private static final List<String> HOSTS = List.of("h.example.com", "g.example.com", "other.test");

  /** One rule: an optional method match and the weights of its backends (empty: none). */
  record Rule(String service, String method, List<Integer> weights) {}

  /** One GRPCRoute's spec; {@code created} may be null (not applied yet). */
  record Route(String namespace, List<String> hostnames, String created, List<Rule> rules) {}

  @Property(tries = 200)
  void aListenerAdmittingEverythingAnswersAsNoGateway(
      @ForAll("routes") List<Route> routes, @ForAll("calls") List<RequestSpec> calls) {
    List<RequestResult> alone =
        Simulator.simulate(new SimulateRequest(yaml(routes, false), calls, null)).results();
    List<RequestResult> onGateway =
        Simulator.simulate(new SimulateRequest(yaml(routes, true), calls, null)).results();

    for (int i = 0; i < calls.size(); i++) {
      RequestResult expected = alone.get(i);
      RequestResult actual = onGateway.get(i);
      assertThat(actual.listener()).isEqualTo(LISTENER);
      assertThat(actual.route()).isEqualTo(expected.route());
      assertThat(actual.rule()).isEqualTo(expected.rule());
      assertThat(actual.match()).isEqualTo(expected.match());
      assertThat(actual.status()).isEqualTo(expected.status());
      assertThat(actual.backends()).isEqualTo(expected.backends());
      assertThat(actual.statusShares()).isEqualTo(Map.of(String.valueOf(expected.status()), 1.0));
    }
  }

  @Provide
  Arbitrary<List<Route>> routes() {
    Arbitrary<Rule> rule =
        Combinators.combine(
                Arbitraries.of(SERVICES).injectNull(0.3),
                Arbitraries.of(METHODS).injectNull(0.5),
                Arbitraries.of(0, 1, 3).list().ofMaxSize(3))
            .as(Rule::new);
    return Combinators.combine(
            Arbitraries.of("a", "b"),
            Arbitraries.of(List.<String>of(), List.of("h.example.com"), List.of("*.example.com")),
            Arbitraries.of("2024-01-01T00:00:00Z", "2024-06-01T00:00:00Z").injectNull(0.3),
            rule.list().ofMinSize(1).ofMaxSize(3))
        .as(Route::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<RequestSpec>> calls() {
    return Combinators.combine(
            Arbitraries.of(SERVICES), Arbitraries.of(METHODS), Arbitraries.of(HOSTS))
        .as((service, method, host) -> new RequestSpec(null, method, null, null, host, service, 80))
        .list()
        .ofMinSize(1)
        .ofMaxSize(6);
  }

  /** The routes as JSON documents (JSON is YAML), with the Gateway and parentRefs when asked. */
  private static String yaml(List<Route> routes, boolean withGateway) {
    List<Map<String, Object>> documents = new ArrayList<>();
    if (withGateway) {
      documents.add(
          Map.of(
              "apiVersion",
              "gateway.networking.k8s.io/v1",
              "kind",
              "Gateway",
              "metadata",
              Map.of("name", "gw", "namespace", "infra"),
              "spec",
              Map.of(
                  "gatewayClassName",
                  "example",
                  "listeners",
                  List.of(
                      Map.of(
                          "name",
                          "http",
                          "port",
                          80,
                          "protocol",
                          "HTTP",
                          "allowedRoutes",
                          Map.of("namespaces", Map.of("from", "All")))))));
    }
    for (int r = 0; r < routes.size(); r++) {
      Route route = routes.get(r);
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("name", "r" + r);
      metadata.put("namespace", route.namespace());
      if (route.created() != null) {
        metadata.put("creationTimestamp", route.created());
      }
      Map<String, Object> spec = new LinkedHashMap<>();
      if (withGateway) {
        spec.put("parentRefs", List.of(Map.of("name", "gw", "namespace", "infra")));
      }
      spec.put("hostnames", route.hostnames());
      spec.put(
          "rules", route.rules().stream().map(GatewayGrpcSimulationPropertiesTest::rule).toList());
      documents.add(
          Map.of(
              "apiVersion",
              "gateway.networking.k8s.io/v1",
              "kind",
              "GRPCRoute",
              "metadata",
              metadata,
              "spec",
              spec));
    }
    return documents.stream().map(JSON::writeValueAsString).collect(Collectors.joining("\n---\n"));
  }

  private static Map<String, Object> rule(Rule rule) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (rule.service() != null || rule.method() != null) {
      Map<String, Object> method = new LinkedHashMap<>();
      if (rule.service() != null) {
        method.put("service", rule.service());
      }
      if (rule.method() != null) {
        method.put("method", rule.method());
      }
      out.put("matches", List.of(Map.of("method", method)));
    }
    List<Map<String, Object>> backends = new ArrayList<>();
    for (int b = 0; b < rule.weights().size(); b++) {
      backends.add(Map.of("name", "svc" + b, "port", 50051, "weight", rule.weights().get(b)));
    }
    if (!backends.isEmpty()) {
      out.put("backendRefs", backends);
    }
    return out;
  }
}
