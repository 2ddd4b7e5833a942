package dev.trafficengineer.core.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.yaml.HttpRouteMapping;
import dev.trafficengineer.core.yaml.YamlReader;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same patches sent to an API server, the fabric8 mock in CRUD mode: it stores the route and
 * applies the JSON Patch as a server does, tests included.
 */
@EnableKubernetesMockClient(crud = true)
@DisplayName("Rollback patches through the mock API server")
class RollbackMockApiServerTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  KubernetesClient client;

  /** Stores the route from {@code fixture} (without its status) and returns a handle to it. */
  private Resource<HTTPRoute> create(String fixture) {
    HTTPRoute route =
        HttpRouteMapping.toRoute(YamlReader.read(TestFiles.read(fixture)).get(0).tree());
    route.setStatus(null);
    client.resource(route).create();
    return client
        .resources(HTTPRoute.class)
        .inNamespace(route.getMetadata().getNamespace())
        .withName(route.getMetadata().getName());
  }

  /**
   * Sent once, with a short timeout: where a real API server answers a failed {@code test} with
   * 422, the mock's patch handler throws (zjsonpatch's "[TEST Operation] Expected value ...", in
   * the test log) and never answers, and the client would retry with back-off for minutes.
   */
  private HTTPRoute patch(Resource<HTTPRoute> route, RollbackResult result) {
    HTTPRoute current = route.get();
    try (KubernetesClient once =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(client.getConfiguration())
                    .withRequestRetryBackoffLimit(0)
                    .build())
            .build()) {
      return once.resources(HTTPRoute.class)
          .inNamespace(current.getMetadata().getNamespace())
          .withName(current.getMetadata().getName())
          .patch(PatchContext.of(PatchType.JSON), JSON.writeValueAsString(result.patch()));
    }
  }

  private static List<Integer> weights(HTTPRoute route, int rule) {
    return route.getSpec().getRules().get(rule).getBackendRefs().stream()
        .map(HTTPBackendRef::getWeight)
        .toList();
  }

  @ParameterizedTest(name = "{0}, target {1}")
  @CsvSource({
    "golden/lesson-combined.yaml, stable, 1, 100, 0",
    "golden/lesson-combined.yaml, canary, 1, 0, 100",
    "rollback/combined.live.yaml, stable, 1, 100, 0",
    "golden/lesson-blue-green-blue-active.yaml, green, 0, 0, 100",
    "golden/lesson-blue-green-green-active.yaml, blue, 0, 100, 0"
  })
  @DisplayName("changes the intended weights and leaves every other rule as it was")
  void applies(String fixture, String target, int rule, int first, int second) {
    Resource<HTTPRoute> route = create(fixture);
    HTTPRoute before = route.get();
    RollbackResult result = compute(fixture, target);

    HTTPRoute after = patch(route, result);

    assertThat(weights(after, rule)).containsExactly(first, second);
    assertThat(route.get().getSpec().getRules()).hasSameSizeAs(before.getSpec().getRules());
    for (int r = 0; r < before.getSpec().getRules().size(); r++) {
      if (r != rule) {
        assertThat(after.getSpec().getRules().get(r)).isEqualTo(before.getSpec().getRules().get(r));
      }
    }
    assertThat(after.getSpec().getParentRefs()).isEqualTo(before.getSpec().getParentRefs());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"backends-reordered", "rule-inserted", "lookalike-rule-inserted"})
  @DisplayName("is refused on a route changed since it was read, and changes nothing")
  void refusedOnDrift(String drift) {
    Resource<HTTPRoute> route = create("rollback/combined." + drift + ".yaml");
    HTTPRoute before = route.get();
    RollbackResult result = compute("golden/lesson-combined.yaml", "stable");

    assertThatThrownBy(() -> patch(route, result)).isInstanceOf(KubernetesClientException.class);
    assertThat(route.get().getSpec()).isEqualTo(before.getSpec());
  }

  private static RollbackResult compute(String fixture, String target) {
    return Rollback.compute(new RollbackRequest(TestFiles.read(fixture), null, null, null, target));
  }
}
