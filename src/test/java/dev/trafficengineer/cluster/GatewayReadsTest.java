package dev.trafficengineer.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.validate.Finding;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
@DisplayName("cluster_check_gateway on the mock API server")
class GatewayReadsTest {
  KubernetesClient client;

  @Test
  @DisplayName(
      "reads the Gateway, the routes naming it and their backends, and runs the TE5xx checks")
  void checksWhatTheClusterHolds() {
    store("cluster/gateway-bundle.yaml");

    LiveGatewayCheck check =
        new GatewayReads(MockCluster.on(client))
            .check(new GatewayCheckRequest("task-api", "task-api-gateway"));

    assertThat(check.gateway()).isEqualTo("task-api/task-api-gateway");
    assertThat(check.bundleVersion()).isEqualTo("v1.6.1");
    assertThat(check.channel()).isEqualTo("standard");
    assertThat(check.routes()).containsExactly("task-api/task-api");
    assertThat(check.documents())
        .startsWith("Gateway task-api/task-api-gateway", "HTTPRoute task-api/task-api");
    assertThat(check.findings())
        .extracting(Finding::code, Finding::path, Finding::impact)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("TE507", "/1/spec/rules/0/backendRefs/1", 0.05));
    assertThat(check.valid()).isFalse();
    assertThat(check.context().services()).isEqualTo(2);
    assertThat(check.context().endpointSlices()).isEqualTo(2);
  }

  @Test
  @DisplayName("judges the routes by the CRD the cluster runs when it carries its schema")
  void judgesByTheInstalledCrd() throws IOException {
    Path installed = Path.of("..", "shared", "gateway-api-crds", "v1.6.1", "experimental");
    assumeTrue(
        Files.isDirectory(installed), "../shared/gateway-api-crds is not beside the project");
    store("cluster/gateway-bundle.yaml");
    client.apiextensions().v1().customResourceDefinitions().withName(GatewayReads.CRD).delete();
    for (HasMetadata crd :
        client.load(Files.newInputStream(installed.resolve("httproutes.yaml"))).items()) {
      client.resource(crd).create();
    }
    client
        .resources(HTTPRoute.class)
        .inNamespace("task-api")
        .withName("task-api")
        .edit(
            route -> {
              route.getSpec().getRules().get(0).getBackendRefs().get(0).setWeight(1_000_001);
              return route;
            });

    LiveGatewayCheck check =
        new GatewayReads(MockCluster.on(client))
            .check(new GatewayCheckRequest("task-api", "task-api-gateway"));

    assertThat(check.channel()).isEqualTo("experimental");
    assertThat(check.findings())
        .filteredOn(f -> f.code().equals("TE106"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains("Invalid value: 1000001")
                    .contains("HTTPRoute CRD v1.6.1 experimental"));
  }

  @Test
  @DisplayName("a Gateway that is not there: NotFound, naming it")
  void notFound() {
    assertThatThrownBy(
            () ->
                new GatewayReads(MockCluster.on(client))
                    .check(new GatewayCheckRequest("task-api", "nope")))
        .isInstanceOf(ClusterException.class)
        .hasMessageStartingWith("NotFound:")
        .hasMessageContaining("task-api/nope");
  }

  private void store(String fixture) {
    byte[] yaml = TestFiles.read(fixture).getBytes(StandardCharsets.UTF_8);
    for (HasMetadata item : client.load(new ByteArrayInputStream(yaml)).items()) {
      client.resource(item).create();
    }
  }
}
