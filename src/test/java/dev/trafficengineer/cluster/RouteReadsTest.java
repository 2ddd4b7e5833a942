package dev.trafficengineer.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.generate.BackendShare;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
@DisplayName("cluster reads")
class RouteReadsTest {
  KubernetesClient client;

  @Test
  @DisplayName("get: YAML, weights per rule, status per parent, findings")
  void get() {
    MockCluster.store(client, "cluster/combined.yaml");

    LiveRoute route =
        new RouteReads(MockCluster.on(client))
            .get(new RouteRequest("task-api", "task-api-combined"));

    assertThat(route.route()).isEqualTo("task-api/task-api-combined");
    assertThat(route.rules().get(1).backends())
        .extracting(BackendShare::name, BackendShare::weight)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("task-api-stable", 90),
            org.assertj.core.groups.Tuple.tuple("task-api-canary", 10));
    assertThat(route.parents()).hasSize(1);
    assertThat(route.parents().get(0).parent()).isEqualTo("Gateway task-api-gateway");
    assertThat(route.parents().get(0).conditions())
        .containsExactly(new ConditionView("Accepted", "True", "Accepted", "Route is accepted"));
    assertThat(route.yaml()).doesNotContain("status:", "resourceVersion", "uid:");
    assertThat(route.owner()).isNull();
    assertThat(route.findings()).isEmpty();
  }

  @Test
  @DisplayName("get of a missing route: NotFound, with where to look")
  void notFound() {
    assertThatThrownBy(
            () -> new RouteReads(MockCluster.on(client)).get(new RouteRequest("task-api", "nope")))
        .isInstanceOf(ClusterException.class)
        .hasMessageStartingWith("NotFound:")
        .hasMessageContaining("cluster_list_routes");
  }

  @Test
  @DisplayName("list: the routes of the namespace by name")
  void list() {
    MockCluster.store(client, "cluster/combined.yaml");

    RouteList list = new RouteReads(MockCluster.on(client)).list(new NamespaceRequest("task-api"));

    assertThat(list.routes()).extracting(RouteSummary::name).containsExactly("task-api-combined");
    assertThat(list.routes().get(0).accepted()).isTrue();
  }

  @Test
  @DisplayName("diff: only the changed weight, the omitted API-server defaults are no change")
  void diff() {
    MockCluster.store(client, "cluster/combined.yaml");
    String proposed =
        TestFiles.read("golden/lesson-combined.yaml").replaceFirst("(?m)weight: 10$", "weight: 20");

    LiveDiff diff = new RouteReads(MockCluster.on(client)).diff(new DiffRequest(proposed));

    assertThat(diff.exists()).isTrue();
    assertThat(diff.changes())
        .extracting(change -> change.describe())
        .containsExactly("/spec/rules/1/backendRefs/1/weight: 10 -> 20");
  }

  @Test
  @DisplayName("get with kind GRPCRoute: the GRPCRoute's YAML, weights, status and findings")
  void getGrpc() {
    MockCluster.storeGrpc(client, "rollback/grpc/orders-canary.live.yaml");

    LiveRoute route =
        new RouteReads(MockCluster.on(client))
            .get(new RouteRequest("orders", "orders-canary", "GRPCRoute"));

    assertThat(route.kind()).isEqualTo("GRPCRoute");
    assertThat(route.route()).isEqualTo("orders/orders-canary");
    assertThat(route.rules().get(1).backends())
        .extracting(BackendShare::name, BackendShare::weight)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("orders-stable", 90),
            org.assertj.core.groups.Tuple.tuple("orders-canary", 10));
    assertThat(route.parents()).hasSize(1);
    assertThat(route.parents().get(0).parent()).isEqualTo("Gateway grpc-gateway");
    assertThat(route.parents().get(0).conditions())
        .containsExactly(new ConditionView("Accepted", "True", "Accepted", "Route is accepted"));
    assertThat(route.yaml())
        .contains("kind: GRPCRoute")
        .doesNotContain("status:", "resourceVersion", "uid:");
    assertThat(route.findings()).isEmpty();
  }

  @Test
  @DisplayName("get of an HTTPRoute name with kind GRPCRoute: NotFound naming the GRPCRoute")
  void grpcNotFound() {
    MockCluster.store(client, "cluster/combined.yaml");

    assertThatThrownBy(
            () ->
                new RouteReads(MockCluster.on(client))
                    .get(new RouteRequest("task-api", "task-api-combined", "GRPCRoute")))
        .isInstanceOf(ClusterException.class)
        .hasMessageStartingWith("NotFound: GRPCRoute task-api/task-api-combined does not exist");
  }

  @Test
  @DisplayName("list: HTTPRoutes then GRPCRoutes, each with its kind")
  void listBothKinds() {
    MockCluster.store(client, "cluster/combined.yaml");
    MockCluster.storeGrpc(client, "cluster/grpc/task-api-grpc.yaml");
    MockCluster.storeGrpc(client, "rollback/grpc/orders-canary.live.yaml");

    RouteList list = new RouteReads(MockCluster.on(client)).list(new NamespaceRequest("task-api"));

    assertThat(list.routes())
        .extracting(RouteSummary::kind, RouteSummary::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("HTTPRoute", "task-api-combined"),
            org.assertj.core.groups.Tuple.tuple("GRPCRoute", "a-grpc-route"));
    assertThat(list.routes().get(1).parents()).containsExactly("Gateway grpc-gateway");
    assertThat(list.routes().get(1).hostnames()).containsExactly("grpc.example.com");
    assertThat(list.notes()).isEmpty();
    assertThat(ClusterText.of(list))
        .contains("- HTTPRoute task-api-combined: ", "- GRPCRoute a-grpc-route: ");
  }

  @Test
  @DisplayName("list where the GRPCRoute CRD is not installed: the HTTPRoutes, and a note")
  void listWithoutGrpcRouteCrd() {
    try (DryRunMockServer server = new DryRunMockServer()) {
      MockCluster.store(server.client(), "cluster/combined.yaml");
      server.unserve("/apis/gateway.networking.k8s.io/v1/namespaces/task-api/grpcroutes");

      RouteList list =
          new RouteReads(MockCluster.on(server.client())).list(new NamespaceRequest("task-api"));

      assertThat(list.routes()).extracting(RouteSummary::name).containsExactly("task-api-combined");
      assertThat(list.notes())
          .containsExactly(
              "GRPCRoutes not listed: the cluster does not serve them (HTTP 404), so the"
                  + " GRPCRoute CRD is not installed.");
      assertThat(ClusterText.of(list)).contains("Notes:\n- GRPCRoutes not listed");
    }
  }

  @Test
  @DisplayName("list refused for another reason than 404: the API server's error, not a note")
  void listForbidden() {
    try (DryRunMockServer server = new DryRunMockServer()) {
      server.forbid("GET");

      assertThatThrownBy(
              () ->
                  new RouteReads(MockCluster.on(server.client()))
                      .list(new NamespaceRequest("task-api")))
          .isInstanceOf(ClusterException.class)
          .hasMessageStartingWith("Forbidden:");
    }
  }

  @Test
  @DisplayName(
      "diff of a GRPCRoute: the document's kind picks the live GRPCRoute; defaults no change")
  void diffGrpc() {
    MockCluster.storeGrpc(client, "rollback/grpc/orders-canary.live.yaml");

    LiveDiff diff =
        new RouteReads(MockCluster.on(client))
            .diff(new DiffRequest(TestFiles.read("cluster/grpc/orders-canary.proposed.yaml")));

    assertThat(diff.kind()).isEqualTo("GRPCRoute");
    assertThat(diff.exists()).isTrue();
    assertThat(diff.changes())
        .extracting(change -> change.describe())
        .containsExactly(
            "/spec/rules/1/backendRefs/0/weight: 90 -> 80",
            "/spec/rules/1/backendRefs/1/weight: 10 -> 20");
    assertThat(ClusterText.of(diff)).startsWith("GRPCRoute orders/orders-canary, live vs proposed");
  }

  @Test
  @DisplayName("diff of a GRPCRoute not in the cluster: everything an addition, and a warning")
  void diffGrpcAbsent() {
    LiveDiff diff =
        new RouteReads(MockCluster.on(client))
            .diff(new DiffRequest(TestFiles.read("cluster/grpc/payments-canary.new.yaml")));

    assertThat(diff.exists()).isFalse();
    assertThat(diff.route()).isEqualTo("orders/payments-canary");
    assertThat(diff.changes())
        .singleElement()
        .satisfies(
            change ->
                assertThat(change.describe())
                    .startsWith("/spec: null -> ")
                    .contains(
                        "\"service\":\"shop.payments.v1.PaymentService\",\"type\":\"Exact\""));
    assertThat(diff.warnings())
        .containsExactly("The route does not exist yet: applying it creates it.");
  }

  @Test
  @DisplayName("an unreachable API server: a clear error within the timeout, not a hang")
  void unreachable() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Cluster closed =
        new Cluster(
            new KubernetesClientBuilder()
                .withConfig(
                    Cluster.bounded(
                        new ConfigBuilder().withMasterUrl("https://127.0.0.1:" + port).build(),
                        Cluster.TIMEOUT_MILLIS))
                .build());
    long start = System.nanoTime();

    assertThatThrownBy(() -> new RouteReads(closed).get(new RouteRequest("task-api", "x")))
        .isInstanceOf(ClusterException.class)
        .hasMessageStartingWith("Unreachable:")
        .hasMessageContaining("gives up after 10 s");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(Duration.ofMillis(Cluster.TIMEOUT_MILLIS));
  }
}
