package dev.trafficengineer.core.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.yaml.YamlReader;
import io.fabric8.zjsonpatch.JsonPatch;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The canary rollback over generated routes, its patch applied by an RFC 6902 implementation
 * (zjsonpatch, the one the fabric8 mock API server uses): the canary's share becomes 0 wherever
 * another backend can take it, and nothing but weights changes.
 */
class RollbackProperties {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String CANARY = "app-canary";

  /** One backend: a name from a small set (so that rules share them) and a weight, or none. */
  record Backend(String name, Integer weight) {}

  @Provide
  Arbitrary<List<List<Backend>>> routes() {
    Arbitrary<Backend> backend =
        Combinators.combine(
                Arbitraries.of("app-stable", CANARY, "app-other", "app-beta"),
                Arbitraries.integers().between(0, 1000).injectNull(0.2))
            .as(Backend::new);
    Arbitrary<List<Backend>> rule =
        backend.list().ofMinSize(1).ofMaxSize(4).uniqueElements(Backend::name);
    return rule.list().ofMinSize(1).ofMaxSize(6);
  }

  @Property(tries = 300)
  @Label("rollback: the canary gets no traffic where others can take it; only weights change")
  void rollbackDrainsTheCanaryOnly(@ForAll("routes") List<List<Backend>> rules) {
    Assume.that(rules.stream().flatMap(List::stream).anyMatch(b -> b.name().equals(CANARY)));
    String yaml = yaml(rules);
    JsonNode before = YamlReader.read(yaml).get(0).tree();

    RollbackResult result = Rollback.compute(new RollbackRequest(yaml, null, null, CANARY, null));
    JsonNode after = JsonPatch.apply(JSON.valueToTree(result.patch()), before);

    assertThat(withoutWeights(after)).isEqualTo(withoutWeights(before));
    for (int r = 0; r < rules.size(); r++) {
      List<Integer> was = effective(before, r);
      List<Integer> now = effective(after, r);
      List<Backend> backends = rules.get(r);
      boolean hasCanary = backends.stream().anyMatch(b -> b.name().equals(CANARY));
      if (!hasCanary || backends.size() == 1) {
        assertThat(after.at("/spec/rules/" + r)).isEqualTo(before.at("/spec/rules/" + r));
        continue;
      }
      List<Integer> others = new ArrayList<>();
      for (int b = 0; b < backends.size(); b++) {
        if (backends.get(b).name().equals(CANARY)) {
          assertThat(now.get(b)).as("canary in rule %d", r).isZero();
        } else {
          others.add(b);
        }
      }
      boolean hadTraffic = was.stream().anyMatch(w -> w > 0);
      assertThat(others.stream().mapToInt(now::get).sum() > 0).isEqualTo(hadTraffic);
      for (int i : others) {
        for (int j : others) {
          if (was.get(i) > 0 && was.get(j) > 0) {
            assertThat((long) now.get(i) * was.get(j))
                .as("shares between the other backends of rule %d", r)
                .isEqualTo((long) now.get(j) * was.get(i));
          }
        }
      }
    }
  }

  private static String yaml(List<List<Backend>> rules) {
    StringBuilder yaml =
        new StringBuilder(
            """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: app
              namespace: app
            spec:
              parentRefs:
              - name: app-gateway
              rules:
            """);
    for (int r = 0; r < rules.size(); r++) {
      yaml.append("  - matches:\n    - path:\n        value: /r").append(r).append('\n');
      yaml.append("    backendRefs:\n");
      for (Backend backend : rules.get(r)) {
        yaml.append("    - name: ").append(backend.name()).append("\n      port: 80\n");
        if (backend.weight() != null) {
          yaml.append("      weight: ").append(backend.weight()).append('\n');
        }
      }
    }
    return yaml.toString();
  }

  private static List<Integer> effective(JsonNode route, int rule) {
    List<Integer> weights = new ArrayList<>();
    route
        .at("/spec/rules/" + rule + "/backendRefs")
        .forEach(b -> weights.add(b.has("weight") ? b.get("weight").asInt() : 1));
    return weights;
  }

  private static JsonNode withoutWeights(JsonNode route) {
    ObjectNode copy = (ObjectNode) route.deepCopy();
    copy.at("/spec/rules")
        .forEach(rule -> rule.get("backendRefs").forEach(b -> ((ObjectNode) b).remove("weight")));
    return copy;
  }
}
