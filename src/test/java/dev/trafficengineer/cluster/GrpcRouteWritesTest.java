package dev.trafficengineer.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficengineer.core.Json;
import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.confirm.Approval;
import dev.trafficengineer.core.generate.BackendShare;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * cluster_rollback on a live GRPCRoute, against the fabric8 mock API server in CRUD mode: the same
 * two steps as for HTTPRoutes (a dry run with a plan token, then the person's yes), the guarded
 * patch sent to the grpcroute, capacity counted from the EndpointSlices.
 */
@DisplayName("cluster writes on GRPCRoutes")
class GrpcRouteWritesTest {
  private static final String NAMESPACE = "orders";
  private static final String NAME = "orders-canary";
  private static final Approval YES = (line, details) -> Approval.Answer.APPROVED;

  DryRunMockServer server;
  KubernetesClient client;
  RouteWrites writes;
  final List<String> asked = new ArrayList<>();

  @BeforeEach
  void store() {
    server = new DryRunMockServer();
    client = server.client();
    MockCluster.storeGrpc(client, "rollback/grpc/orders-canary.live.yaml");
    MockCluster.storeAll(client, "cluster/grpc-endpointslices.yaml");
    writes = new RouteWrites(MockCluster.on(client), WritePolicy.elicitWithRandomKey());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private GRPCRoute live() {
    return client.resources(GRPCRoute.class).inNamespace(NAMESPACE).withName(NAME).get();
  }

  private List<Integer> weights(int rule) {
    return live().getSpec().getRules().get(rule).getBackendRefs().stream()
        .map(GRPCBackendRef::getWeight)
        .toList();
  }

  private List<String> writeRequests() {
    return server.requests().stream().filter(r -> r.startsWith("PATCH")).toList();
  }

  private static LiveRollbackRequest rollback(String token) {
    return new LiveRollbackRequest(NAMESPACE, NAME, null, null, null, token, "GRPCRoute");
  }

  @Test
  @DisplayName("first call: a dry run of the grpcroute patch with a plan token, nothing stored")
  void dryRun() {
    LiveChange change = writes.rollback(rollback(null), YES);

    assertThat(change.applied()).isFalse();
    assertThat(change.method()).isEqualTo("json-patch");
    assertThat(change.rules().get(1).backends())
        .extracting(BackendShare::weight)
        .containsExactly(100, 0);
    assertThat(change.confirmation())
        .isEqualTo(
            "orders/orders-canary rule 1: orders-stable 90 % → 100 %, orders-canary 10 % → 0 %");
    assertThat(change.planToken()).isNotBlank();
    String patch = Json.MAPPER.writeValueAsString(change.patch());
    assertThat(patch).contains("\"path\":\"/spec/rules/1/matches/0/method/service\"");
    assertThat(change.commands())
        .containsExactly(
            "kubectl patch grpcroute orders-canary -n orders --type=json --dry-run=server -p '"
                + patch
                + "'",
            "kubectl patch grpcroute orders-canary -n orders --type=json -p '" + patch + "'");
    assertThat(writeRequests())
        .singleElement()
        .asString()
        .contains("/grpcroutes/orders-canary", "dryRun=All");
    assertThat(weights(1)).containsExactly(90, 10);
  }

  @Test
  @DisplayName("second call with the token: the person asked, then applied; rule 0 untouched")
  void applied() {
    GRPCRoute before = live();
    String token = writes.rollback(rollback(null), YES).planToken();

    LiveChange change =
        writes.rollback(
            rollback(token),
            (line, details) -> {
              asked.add(line);
              return Approval.Answer.APPROVED;
            });

    assertThat(change.applied()).isTrue();
    assertThat(asked)
        .containsExactly(
            "orders/orders-canary rule 1: orders-stable 90 % → 100 %, orders-canary 10 % → 0 %");
    assertThat(weights(1)).containsExactly(100, 0);
    assertThat(live().getSpec().getRules().get(0)).isEqualTo(before.getSpec().getRules().get(0));
    assertThat(change.newResourceVersion()).isEqualTo(live().getMetadata().getResourceVersion());
    assertThat(writeRequests()).hasSize(3);
    assertThat(writeRequests().get(2)).doesNotContain("dryRun");
  }

  @Test
  @DisplayName("the route changed since the plan: refused before anything is sent")
  void routeChanged() {
    String token = writes.rollback(rollback(null), YES).planToken();
    client
        .resource(
            new GRPCRouteBuilder(live()).editMetadata().addToLabels("x", "y").endMetadata().build())
        .update();
    int writesBefore = writeRequests().size();

    assertThatThrownBy(() -> writes.rollback(rollback(token), YES))
        .isInstanceOf(ClusterException.class)
        .hasMessageStartingWith("RouteChanged:");
    assertThat(writeRequests()).hasSize(writesBefore);
    assertThat(weights(1)).containsExactly(90, 10);
  }

  @Test
  @DisplayName("capacity: a stable Service without ready endpoints is not sent the canary's calls")
  void capacity() {
    client
        .resources(EndpointSlice.class)
        .inNamespace(NAMESPACE)
        .withName("orders-stable-ipv4")
        .delete();
    MockCluster.storeAll(client, "cluster/grpc-endpointslices-stable-down.yaml");

    assertThatThrownBy(() -> writes.rollback(rollback(null), YES))
        .hasMessageContaining("\"orders-stable\" has no ready endpoint");
    assertThat(writeRequests()).isEmpty();
  }

  @Test
  @DisplayName("set weights: the named backends of the GRPCRoute, dry run then applied")
  void setWeights() {
    SetWeightsRequest dryRun =
        new SetWeightsRequest(
            NAMESPACE, NAME, Map.of("orders-stable", 75, "orders-canary", 25), null, "GRPCRoute");
    String token = writes.setWeights(dryRun, YES).planToken();

    LiveChange change =
        writes.setWeights(
            new SetWeightsRequest(
                NAMESPACE,
                NAME,
                Map.of("orders-stable", 75, "orders-canary", 25),
                token,
                "GRPCRoute"),
            YES);

    assertThat(change.applied()).isTrue();
    assertThat(change.changes())
        .containsExactly(
            "rule 0: orders-stable 100 -> 75",
            "rule 1: orders-stable 90 -> 75, orders-canary 10 -> 25");
    assertThat(weights(1)).containsExactly(75, 25);
    assertThat(weights(0))
        .as("every rule that lists a named Service, as for HTTPRoutes")
        .containsExactly(75);
    assertThat(change.commands()).allMatch(c -> c.startsWith("kubectl patch grpcroute "));
  }

  @Test
  @DisplayName("a GRPCRoute asked for by an HTTPRoute name is not found, and the kind is said")
  void notFound() {
    assertThatThrownBy(
            () ->
                writes.rollback(
                    new LiveRollbackRequest(
                        NAMESPACE, "orders-missing", null, null, null, null, "GRPCRoute"),
                    YES))
        .isInstanceOf(ClusterException.class)
        .hasMessageStartingWith("NotFound: GRPCRoute orders/orders-missing does not exist");
  }

  @Test
  @DisplayName("a route Argo CD manages: not patched, the kustomize patch targets the GRPCRoute")
  void gitops() {
    client
        .resource(
            new GRPCRouteBuilder(live())
                .editMetadata()
                .addToLabels("argocd.argoproj.io/instance", "orders")
                .endMetadata()
                .build())
        .update();

    LiveChange change = writes.rollback(rollback(null), YES);

    assertThat(change.method()).isEqualTo("gitops");
    assertThat(change.gitops().kustomizePatch()).contains("    kind: GRPCRoute\n");
    assertThat(writeRequests()).isEmpty();
  }

  @Test
  @DisplayName("apply: the document's kind picks the GRPCRoute; a dry run, then the update")
  void apply() {
    String yaml = TestFiles.read("cluster/grpc/orders-canary.proposed.yaml");
    LiveChange dryRun = writes.apply(new ApplyRequest(yaml, null), YES);

    assertThat(dryRun.kind()).isEqualTo("GRPCRoute");
    assertThat(dryRun.applied()).isFalse();
    assertThat(dryRun.changes())
        .as("the omitted API-server defaults (method type Exact, kind Service ...) are no change")
        .containsExactly(
            "/spec/rules/1/backendRefs/0/weight: 90 -> 80",
            "/spec/rules/1/backendRefs/1/weight: 10 -> 20");
    assertThat(weights(1)).containsExactly(90, 10);

    LiveChange change = writes.apply(new ApplyRequest(yaml, dryRun.planToken()), YES);

    assertThat(change.applied()).isTrue();
    assertThat(change.method()).isEqualTo("update");
    assertThat(weights(1)).containsExactly(80, 20);
    assertThat(server.requests())
        .filteredOn(r -> r.startsWith("PUT"))
        .as("the dry run, the dry run again with the token, the update")
        .allMatch(r -> r.contains("/grpcroutes/orders-canary"))
        .hasSize(3);
  }

  @Test
  @DisplayName("apply of a GRPCRoute not in the cluster yet: created after the dry run")
  void create() {
    String yaml = TestFiles.read("cluster/grpc/payments-canary.new.yaml");
    LiveChange dryRun = writes.apply(new ApplyRequest(yaml, null), YES);

    assertThat(dryRun.method()).isEqualTo("create");
    assertThat(client.resources(GRPCRoute.class).inNamespace(NAMESPACE).list().getItems())
        .hasSize(1);

    LiveChange change = writes.apply(new ApplyRequest(yaml, dryRun.planToken()), YES);

    assertThat(change.applied()).isTrue();
    assertThat(change.route()).isEqualTo("orders/payments-canary");
    assertThat(change.rules().get(0).backends())
        .extracting(BackendShare::name, BackendShare::weight)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("payments-stable", 95),
            org.assertj.core.groups.Tuple.tuple("payments-canary", 5));
  }

  @Test
  @DisplayName("apply over a GRPCRoute Flagger owns: refused, nothing sent")
  void applyOwned() {
    client
        .resource(
            new GRPCRouteBuilder(live())
                .editMetadata()
                .addToLabels("app.kubernetes.io/managed-by", "flagger")
                .endMetadata()
                .build())
        .update();
    String yaml = TestFiles.read("cluster/grpc/orders-canary.proposed.yaml");

    assertThatThrownBy(() -> writes.apply(new ApplyRequest(yaml, null), YES))
        .isInstanceOf(ClusterException.class)
        .hasMessageContaining("OwnedByController", "GRPCRoute orders/orders-canary", "Flagger");
    assertThat(server.requests()).noneMatch(r -> r.startsWith("PUT") && r.contains("dryRun"));
  }

  @Test
  @DisplayName("a GRPCRoute write the identity may not make: the permission named on grpcroutes")
  void forbidden() {
    String token = writes.rollback(rollback(null), YES).planToken();
    server.forbid("PATCH");

    assertThatThrownBy(() -> writes.rollback(rollback(token), YES))
        .isInstanceOf(ClusterException.class)
        .hasMessageStartingWith(
            "Forbidden: patch grpcroute orders/orders-canary refused (HTTP 403)")
        .hasMessageContaining("Missing permission: verb patch on resource grpcroutes");
  }
}
