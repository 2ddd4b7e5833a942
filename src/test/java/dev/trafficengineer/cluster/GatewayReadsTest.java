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
  @DisplayName("judges GRPCRoutes by the installed GRPCRoute CRD, next to the HTTPRoute one")
  void judgesGrpcRoutesByTheirCrd() throws IOException {
    Path installed = Path.of("..", "shared", "gateway-api-crds", "v1.6.1", "experimental");
    assumeTrue(
        Files.isDirectory(installed), "../shared/gateway-api-crds is not beside the project");
    store("cluster/gateway-bundle.yaml");
    client.apiextensions().v1().customResourceDefinitions().withName(GatewayReads.CRD).delete();
    install(installed.resolve("httproutes.yaml"));
    install(installed.resolve("grpcroutes.yaml"));
    store("cluster/grpc-route-on-gateway.yaml");

    LiveGatewayCheck check =
        new GatewayReads(MockCluster.on(client))
            .check(new GatewayCheckRequest("task-api", "task-api-gateway"));

    assertThat(check.routes()).contains("task-api/orders");
    assertThat(check.findings())
        .filteredOn(f -> f.code().equals("TE106"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains("Invalid value: 1000001")
                    .contains("GRPCRoute CRD v1.6.1 experimental"));
  }

  @Test
  @DisplayName("a field the installed CRD version lacks (CORS on v1.4.0 standard) is refused")
  void fieldTheInstalledVersionLacks() throws IOException {
    Path installed = Path.of("..", "shared", "gateway-api-crds", "v1.4.0", "standard");
    assumeTrue(
        Files.isDirectory(installed), "../shared/gateway-api-crds is not beside the project");
    store("cluster/gateway-bundle.yaml");
    client.apiextensions().v1().customResourceDefinitions().withName(GatewayReads.CRD).delete();
    install(installed.resolve("httproutes.yaml"));
    client.resources(HTTPRoute.class).inNamespace("task-api").withName("task-api").delete();
    store("cluster/task-api-with-cors.yaml");

    LiveGatewayCheck check =
        new GatewayReads(MockCluster.on(client))
            .check(new GatewayCheckRequest("task-api", "task-api-gateway"));

    assertThat(check.bundleVersion()).isEqualTo("v1.4.0");
    assertThat(check.valid()).isFalse();
    assertThat(check.findings())
        .filteredOn(f -> f.severity().equals(Finding.ERROR))
        .anySatisfy(
            f ->
                assertThat(f.message()).contains("cors").contains("HTTPRoute CRD v1.4.0 standard"));
  }

  private void install(Path crdFile) throws IOException {
    for (HasMetadata crd : client.load(Files.newInputStream(crdFile)).items()) {
      client.resource(crd).create();
    }
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

  @Test
  @DisplayName(
      "a cluster that serves ReferenceGrant only as v1beta1: its grants are read and honoured")
  void v1beta1Grants() {
    try (DryRunMockServer server = new DryRunMockServer()) {
      server.unserve("/apis/gateway.networking.k8s.io/v1/namespaces/inventory/referencegrants");
      MockCluster.storeAll(server.client(), "gateway/clean-v1beta1-grant.yaml");

      LiveGatewayCheck check =
          new GatewayReads(MockCluster.on(server.client()))
              .check(new GatewayCheckRequest("infra", "edge"));

      assertThat(check.routes()).containsExactly("store/store", "store/store-grpc");
      assertThat(check.documents()).contains("ReferenceGrant inventory/store-routes");
      assertThat(check.findings()).extracting(Finding::code).doesNotContain("TE506");
      assertThat(check.valid()).isTrue();
      assertThat(server.requests())
          .anyMatch(
              r ->
                  r.startsWith(
                      "GET /apis/gateway.networking.k8s.io/v1beta1/namespaces/inventory/referencegrants"));
    }
  }

  @Test
  @DisplayName(
      "without the v1beta1 grant the same backend is not permitted (TE506), for the HTTPRoute and"
          + " the GRPCRoute")
  void v1beta1GrantMissing() {
    try (DryRunMockServer server = new DryRunMockServer()) {
      server.unserve("/apis/gateway.networking.k8s.io/v1/namespaces/inventory/referencegrants");
      MockCluster.storeAll(server.client(), "gateway/clean-v1beta1-grant.yaml");
      server
          .client()
          .resources(io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.ReferenceGrant.class)
          .inNamespace("inventory")
          .withName("store-routes")
          .delete();

      LiveGatewayCheck check =
          new GatewayReads(MockCluster.on(server.client()))
              .check(new GatewayCheckRequest("infra", "edge"));

      assertThat(check.findings())
          .extracting(Finding::code, Finding::path)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("TE506", "/1/spec/rules/0/backendRefs/0"),
              org.assertj.core.groups.Tuple.tuple("TE506", "/2/spec/rules/0/backendRefs/0"));
      assertThat(check.valid()).isFalse();
    }
  }

  private void store(String fixture) {
    byte[] yaml = TestFiles.read(fixture).getBytes(StandardCharsets.UTF_8);
    for (HasMetadata item : client.load(new ByteArrayInputStream(yaml)).items()) {
      client.resource(item).create();
    }
  }
}
