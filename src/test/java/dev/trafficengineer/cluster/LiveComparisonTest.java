package dev.trafficengineer.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.compare.ComparedFinding;
import dev.trafficengineer.core.compare.ComparisonResult;
import dev.trafficengineer.core.input.InvalidInputException;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
@DisplayName("cluster_compare_routes: the cluster as before, the change applied over it as after")
class LiveComparisonTest {
  KubernetesClient client;

  @Test
  @DisplayName("a canary that grows while it has no ready endpoint: TE507 changed, 5% -> 50%")
  void impactChanged() {
    MockCluster.storeAll(client, "cluster/gateway-bundle.yaml");

    ComparisonResult result = compare("cluster/compare/canary-50.yaml");

    assertThat(result.findings())
        .extracting(
            f ->
                f.change()
                    + " "
                    + f.code()
                    + " "
                    + f.resource()
                    + " "
                    + f.impactBefore()
                    + " -> "
                    + f.impact())
        .containsExactly("changed TE507 HTTPRoute task-api/task-api 0.05 -> 0.5");
    assertThat(result.valid()).isFalse();
    assertThat(
            client
                .resources(HTTPRoute.class)
                .inNamespace("task-api")
                .withName("task-api")
                .get()
                .getSpec()
                .getRules()
                .get(0)
                .getBackendRefs()
                .get(0)
                .getWeight())
        .as("nothing is written")
        .isEqualTo(95);
  }

  @Test
  @DisplayName(
      "a new route read against the other routes on the Gateway: what it breaks is introduced,"
          + " what it leaves is unchanged")
  void newRoute() {
    MockCluster.storeAll(client, "cluster/gateway-bundle.yaml");

    ComparisonResult result = compare("cluster/compare/new-team-route.yaml");

    assertThat(result.findings())
        .extracting(f -> f.change() + " " + f.code() + " " + f.resource() + " " + f.path())
        .contains(
            "introduced TE505 HTTPRoute task-api/reports /spec/rules/0/backendRefs/0/port",
            "unchanged TE507 HTTPRoute task-api/task-api /spec/rules/0/backendRefs/1")
        .noneMatch(f -> f.contains("other/elsewhere"));
    assertThat(result.findings())
        .filteredOn(f -> f.change().equals(ComparedFinding.FIXED))
        .isEmpty();
    assertThat(result.valid()).isFalse();
  }

  @Test
  @DisplayName("the change is required")
  void required() {
    assertThatThrownBy(
            () -> new LiveComparison(MockCluster.on(client)).compare(new LiveCompareRequest(" ")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("after");
  }

  private ComparisonResult compare(String fixture) {
    return new LiveComparison(MockCluster.on(client))
        .compare(new LiveCompareRequest(TestFiles.read(fixture)));
  }
}
