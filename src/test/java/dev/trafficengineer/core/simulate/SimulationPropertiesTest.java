package dev.trafficengineer.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Shares, sampling and rule order, for arbitrary weights and rule lists. */
class SimulationPropertiesTest {

  /**
   * A rule: prefix, optional method, header count, and backends {@code name-b0, name-b1 ...} with
   * these weights (null = omitted).
   */
  record RuleShape(String prefix, String method, int headers, List<Integer> weights, String name) {}

  @Provide
  Arbitrary<List<Integer>> weights() {
    Arbitrary<Integer> weight =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 1_000_000),
            Arbitraries.integers().between(0, 10),
            Arbitraries.just(null));
    return weight.list().ofMinSize(1).ofMaxSize(16);
  }

  @Property
  @Label("each share is the weight over the sum of weights (omitted = 1, 0 = none)")
  void sharesEqualWeights(@ForAll("weights") List<Integer> weights) {
    String yaml = route(List.of(new RuleShape("/", null, 0, weights, "r0")));

    RequestResult result = simulate(yaml, new RequestSpec("/x", null, null, null, null), null);

    long total = weights.stream().mapToLong(w -> w == null ? 1 : w).sum();
    assertThat(result.status()).isEqualTo(total == 0 ? 500 : 200);
    for (int i = 0; i < weights.size(); i++) {
      long weight = weights.get(i) == null ? 1 : weights.get(i);
      double expected = total == 0 ? 0 : (double) weight / total;
      assertThat(result.backends().get(i).share()).isEqualTo(expected);
    }
  }

  @Provide
  Arbitrary<List<RuleShape>> distinctRules() {
    Arbitrary<RuleShape> rule =
        Combinators.combine(
                Arbitraries.of("/", "/a", "/a/b", "/a/b/c"),
                Arbitraries.of((String) null, "GET"),
                Arbitraries.integers().between(0, 2))
            .as(
                (prefix, method, headers) ->
                    new RuleShape(
                        prefix,
                        method,
                        headers,
                        List.of(1),
                        (prefix + method + headers).replaceAll("[^A-Za-z0-9]", "").toLowerCase()));
    return rule.list().ofMinSize(2).ofMaxSize(12).uniqueElements(r -> specificity(r));
  }

  @Property
  @Label("reordering rules of different specificity never changes the chosen backend")
  void orderOfDistinctRulesDoesNotMatter(
      @ForAll("distinctRules") List<RuleShape> rules,
      @ForAll("requests") RequestSpec request,
      @ForAll long shuffleSeed) {
    List<RuleShape> shuffled = new ArrayList<>(rules);
    java.util.Collections.shuffle(shuffled, new java.util.Random(shuffleSeed));

    assertThat(backendsOf(simulate(route(shuffled), request, null)))
        .isEqualTo(backendsOf(simulate(route(rules), request, null)));
  }

  @Property
  @Label("among rules of equal specificity, the first in list order wins")
  void equalRulesFollowListOrder(
      @ForAll @IntRange(min = 2, max = 16) int count, @ForAll("requests") RequestSpec request) {
    List<RuleShape> rules = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rules.add(new RuleShape("/", null, 0, List.of(1), "r" + i));
    }

    RequestResult result = simulate(route(rules), request, null);

    assertThat(result.rule()).isZero();
    assertThat(result.backends().get(0).name()).isEqualTo("r0-b0");
  }

  @Property(tries = 50)
  @Label("a sample is deterministic for its seed and within a binomial bound of the shares")
  void sampleIsDeterministicAndClose(
      @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 100) Integer> weights,
      @ForAll @IntRange(min = 100, max = 20_000) int count,
      @ForAll long seed) {
    String yaml = route(List.of(new RuleShape("/", null, 0, weights, "r0")));
    RequestSpec request = new RequestSpec("/", null, null, null, null);

    RequestResult first = simulate(yaml, request, new Sample(count, seed));
    RequestResult second = simulate(yaml, request, new Sample(count, seed));

    assertThat(first.counts()).isEqualTo(second.counts());
    long total = first.counts().values().stream().mapToLong(Long::longValue).sum();
    assertThat(total).isEqualTo(count);
    if (first.status() != 200) {
      return;
    }
    for (SimulatedBackend backend : first.backends()) {
      long drawn = first.counts().get(backend.name());
      double p = backend.share();
      // Six standard deviations: a false alarm about once in 500 million draws of a backend.
      double bound = 6 * Math.sqrt(count * p * (1 - p)) + 1;
      assertThat((double) drawn).isCloseTo(count * p, org.assertj.core.data.Offset.offset(bound));
      if (p == 0) {
        assertThat(drawn).isZero();
      }
    }
  }

  @Provide
  Arbitrary<RequestSpec> requests() {
    return Combinators.combine(
            Arbitraries.of("/", "/a", "/a/b", "/a/b/c/d", "/ab"),
            Arbitraries.of("GET", "POST"),
            Arbitraries.integers().between(0, 2))
        .as(
            (path, method, headers) ->
                new RequestSpec(path, method, headerMap(headers), null, null));
  }

  private static Map<String, String> headerMap(int headers) {
    return switch (headers) {
      case 0 -> Map.of();
      case 1 -> Map.of("h0", "v");
      default -> Map.of("h0", "v", "h1", "v");
    };
  }

  private static String specificity(RuleShape rule) {
    return rule.prefix() + " " + rule.method() + " " + rule.headers();
  }

  private static List<String> backendsOf(RequestResult result) {
    return result.backends().stream().map(SimulatedBackend::name).toList();
  }

  private static RequestResult simulate(String yaml, RequestSpec request, Sample sample) {
    return Simulator.simulate(new SimulateRequest(yaml, List.of(request), sample)).results().get(0);
  }

  /** One route with these rules, in this order. */
  static String route(List<RuleShape> rules) {
    StringBuilder yaml =
        new StringBuilder(
            """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: props, namespace: props}
            spec:
              rules:
            """);
    for (int i = 0; i < rules.size(); i++) {
      RuleShape rule = rules.get(i);
      yaml.append("  - matches:\n    - path: {type: PathPrefix, value: ")
          .append(rule.prefix())
          .append("}\n");
      if (rule.method() != null) {
        yaml.append("      method: ").append(rule.method()).append('\n');
      }
      if (rule.headers() > 0) {
        yaml.append("      headers:\n");
        for (int h = 0; h < rule.headers(); h++) {
          yaml.append("      - {name: h").append(h).append(", value: v}\n");
        }
      }
      yaml.append("    backendRefs:\n");
      for (int b = 0; b < rule.weights().size(); b++) {
        yaml.append("    - {name: ")
            .append(rule.name())
            .append("-b")
            .append(b)
            .append(", port: 80");
        Integer weight = rule.weights().get(b);
        if (weight != null) {
          yaml.append(", weight: ").append(weight);
        }
        yaml.append("}\n");
      }
    }
    return yaml.toString();
  }
}
