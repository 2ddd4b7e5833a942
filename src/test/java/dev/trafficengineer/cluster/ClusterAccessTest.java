package dev.trafficengineer.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficengineer.core.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scope and identity, connected through a kubeconfig as a user connects. */
@DisplayName("cluster access: scope, impersonation, missing permissions")
class ClusterAccessTest {
  DryRunMockServer server;
  String kubeconfig;

  @BeforeEach
  void start(@TempDir Path directory) throws IOException {
    server = new DryRunMockServer();
    MockCluster.store(server.client(), "cluster/combined.yaml");
    MockCluster.storeAll(server.client(), "cluster/endpointslices.yaml");
    Path file = directory.resolve("kubeconfig");
    Files.writeString(
        file,
        TestFiles.read("cluster/kubeconfig.yaml")
            .replace("SERVER", server.client().getMasterUrl().toString()));
    kubeconfig = file.toString();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Cluster connect(String user, List<String> groups, List<String> namespaces) {
    return Cluster.connect(new ClusterAccess(kubeconfig, null, user, groups, namespaces));
  }

  @Test
  @DisplayName("--as and --as-group: every request impersonates that identity")
  void impersonates() {
    try (Cluster cluster = connect("bob", List.of("oncall"), List.of())) {
      new RouteReads(cluster).get(new RouteRequest("task-api", "task-api-combined"));

      assertThat(cluster.where()).contains(" as bob");
    }

    assertThat(server.impersonated()).containsExactly("bob [oncall]");
  }

  @Test
  @DisplayName("--as-group without --as is refused before connecting")
  void groupNeedsUser() {
    assertThatThrownBy(() -> connect(null, List.of("oncall"), List.of()))
        .isInstanceOf(ClusterException.class)
        .hasMessageContaining("--as-group needs --as");
  }

  @Test
  @DisplayName("--namespace: other namespaces are refused without a request, reads and writes")
  void scope() {
    try (Cluster cluster = connect(null, List.of(), List.of("task-api"))) {
      RouteReads reads = new RouteReads(cluster);
      RouteWrites writes = new RouteWrites(cluster, WritePolicy.elicitWithRandomKey());

      assertThat(reads.get(new RouteRequest("task-api", "task-api-combined")).route())
          .isEqualTo("task-api/task-api-combined");
      assertThatThrownBy(() -> reads.list(new NamespaceRequest("kube-system")))
          .hasMessageStartingWith("OutOfScope: namespace kube-system");
      assertThatThrownBy(
              () ->
                  writes.setWeights(
                      new SetWeightsRequest("payments", "api", java.util.Map.of("a", 1), null),
                      null))
          .hasMessageStartingWith("OutOfScope: namespace payments");
    }

    assertThat(server.requests())
        .noneMatch(request -> request.contains("kube-system") || request.contains("payments"));
  }

  @Test
  @DisplayName("a 403 names the verb, resource and namespace that are missing")
  void forbidden() {
    server.forbid("PATCH");
    try (Cluster cluster = connect("bob", List.of(), List.of())) {
      RouteWrites writes = new RouteWrites(cluster, WritePolicy.elicitWithRandomKey());

      assertThatThrownBy(
              () ->
                  writes.rollback(
                      new LiveRollbackRequest(
                          "task-api", "task-api-combined", null, null, null, null),
                      null))
          .isInstanceOf(ClusterException.class)
          .hasMessageStartingWith("Forbidden:")
          .hasMessageContaining(
              "Missing permission: verb patch on resource httproutes (API group"
                  + " gateway.networking.k8s.io) in namespace task-api");
    }
  }
}
