package dev.trafficengineer.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficengineer.core.generate.BackendShare;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The write path against the fabric8 mock API server in CRUD mode. The mock stores what it is sent
 * and applies JSON patches with their tests, but it ignores {@code dryRun} (it stores a dry-run
 * change like any other) and never answers a patch whose test fails (a real server answers 422); so
 * dry runs are proven by the request sent, and a failed guard by the route left unchanged.
 */
@EnableKubernetesMockClient(crud = true)
@DisplayName("cluster writes")
class RouteWritesTest {
  private static final String NAMESPACE = "task-api";
  private static final String NAME = "task-api-combined";

  KubernetesClient client;
  KubernetesMockServer server;
  RouteWrites writes;

  @BeforeEach
  void store() {
    MockCluster.store(client, "cluster/combined.yaml");
    MockCluster.storeAll(client, "cluster/endpointslices.yaml");
    writes = new RouteWrites(MockCluster.on(client));
  }

  private HTTPRoute live() {
    return client.resources(HTTPRoute.class).inNamespace(NAMESPACE).withName(NAME).get();
  }

  private static List<Integer> weights(HTTPRoute route, int rule) {
    return route.getSpec().getRules().get(rule).getBackendRefs().stream()
        .map(HTTPBackendRef::getWeight)
        .toList();
  }

  private RecordedRequest lastPatchOrPut() throws InterruptedException {
    RecordedRequest last = null;
    for (int i = server.getRequestCount(); i > 0; i--) {
      RecordedRequest request = server.takeRequest();
      if (request.getMethod().equals("PATCH") || request.getMethod().equals("PUT")) {
        last = request;
      }
    }
    return last;
  }

  @Nested
  @DisplayName("rollback")
  class Rollbacks {
    @Test
    @DisplayName(
        "without confirm: sent as a dry run (dryRun=All), reports the weights it would set")
    void dryRun() throws InterruptedException {
      LiveChange change =
          writes.rollback(new LiveRollbackRequest(NAMESPACE, NAME, null, null, null));

      assertThat(change.applied()).isFalse();
      assertThat(change.method()).isEqualTo("json-patch");
      assertThat(change.rules().get(1).backends())
          .extracting(BackendShare::weight)
          .containsExactly(100, 0);
      assertThat(change.next()).contains("Nothing was changed", "confirm");
      RecordedRequest patch = lastPatchOrPut();
      assertThat(patch.getMethod()).isEqualTo("PATCH");
      assertThat(patch.getPath()).contains("dryRun=All");
    }

    @Test
    @DisplayName("confirmed: a guarded patch changes exactly the canary's rule, then reads back")
    void confirmed() throws InterruptedException {
      HTTPRoute before = live();

      LiveChange change =
          writes.rollback(new LiveRollbackRequest(NAMESPACE, NAME, null, null, true));

      HTTPRoute after = live();
      assertThat(change.applied()).isTrue();
      assertThat(weights(after, 1)).containsExactly(100, 0);
      assertThat(after.getSpec().getRules().get(0)).isEqualTo(before.getSpec().getRules().get(0));
      assertThat(change.fieldChanges())
          .extracting(f -> f.path())
          .containsExactlyInAnyOrder(
              "/spec/rules/1/backendRefs/0/weight", "/spec/rules/1/backendRefs/1/weight");
      assertThat(change.patch()).anyMatch(op -> op.op().equals("test"));
      assertThat(change.newResourceVersion()).isEqualTo(after.getMetadata().getResourceVersion());
      RecordedRequest patch = lastPatchOrPut();
      assertThat(patch.getPath()).doesNotContain("dryRun");
    }

    @Test
    @DisplayName("a route changed since it was read: the guard refuses, nothing changes")
    void conflict() {
      HTTPRoute read = live();
      HTTPRoute concurrent =
          new HTTPRouteBuilder(read)
              .editSpec()
              .editRule(1)
              .editBackendRef(0)
              .withWeight(80)
              .endBackendRef()
              .editBackendRef(1)
              .withWeight(20)
              .endBackendRef()
              .endRule()
              .endSpec()
              .build();
      client.resource(concurrent).update();

      assertThatThrownBy(
              () ->
                  writes.rollback(read, new LiveRollbackRequest(NAMESPACE, NAME, null, null, true)))
          .isInstanceOf(ClusterException.class);
      assertThat(weights(live(), 1)).containsExactly(80, 20);
    }

    @Test
    @DisplayName("nothing to change: nothing is sent")
    void nothingToChange() {
      writes.rollback(new LiveRollbackRequest(NAMESPACE, NAME, null, null, true));

      LiveChange again =
          writes.rollback(new LiveRollbackRequest(NAMESPACE, NAME, null, null, true));

      assertThat(again.method()).isEqualTo("none");
      assertThat(again.applied()).isFalse();
      assertThat(again.warnings())
          .startsWith(
              "Nothing to change: task-api-canary already has weight 0 in every rule that can"
                  + " send elsewhere.");
    }
  }

  @Nested
  @DisplayName("capacity: ready endpoints read from EndpointSlices")
  class ReadyEndpointsCounted {
    @Test
    @DisplayName(
        "ready endpoints per Service: one per Pod across address families, not-ready left out")
    void counts() {
      assertThat(ReadyEndpoints.of(MockCluster.on(client), live()).counts())
          .isEqualTo(Map.of("task-api-stable", 2, "task-api-canary", 1));
    }

    @Test
    @DisplayName("to the canary (10 % -> 100 % on 1 endpoint): a warning with the numbers")
    void growthWarning() {
      LiveChange change =
          writes.rollback(
              new LiveRollbackRequest(NAMESPACE, NAME, null, null, "task-api-canary", false));

      assertThat(change.warnings())
          .contains(
              "Capacity: task-api-canary has 1 ready endpoint and would take 100 % from 10 % of"
                  + " rule 1's traffic, 10× as much per endpoint: scale it (its replicas) for that"
                  + " before you apply the change.");
    }

    @Test
    @DisplayName("set weights 90/10 -> 50/50, 1 canary endpoint (5x per endpoint): a warning")
    void setWeightsWarning() {
      LiveChange change =
          writes.setWeights(
              new SetWeightsRequest(
                  NAMESPACE, NAME, Map.of("task-api-stable", 50, "task-api-canary", 50), false));

      assertThat(change.warnings())
          .containsExactly(
              "Capacity: task-api-canary has 1 ready endpoint and would take 50 % from 10 % of"
                  + " rule 1's traffic, 5× as much per endpoint: scale it (its replicas) for that"
                  + " before you apply the change.");
    }

    @Test
    @DisplayName("stable with no ready endpoint: the rollback is refused and nothing is sent")
    void noReadyEndpointRefused() throws InterruptedException {
      client.discovery().v1().endpointSlices().inNamespace(NAMESPACE).delete();
      MockCluster.storeAll(client, "cluster/endpointslices-stable-down.yaml");

      assertThatThrownBy(
              () -> writes.rollback(new LiveRollbackRequest(NAMESPACE, NAME, null, null, true)))
          .hasMessageStartingWith(
              "readyEndpoints: \"task-api-stable\" has no ready endpoint, and the change would"
                  + " send it 100 % from 90 % of rule 1's traffic: those requests would be"
                  + " answered with 503.");
      assertThat(weights(live(), 1)).containsExactly(90, 10);
      assertThat(lastPatchOrPut()).isNull();
    }
  }

  @Nested
  @DisplayName("set weights")
  class SetWeights {
    @Test
    @DisplayName("confirmed: the named backends get exactly their new weights")
    void confirmed() {
      LiveChange change =
          writes.setWeights(
              new SetWeightsRequest(
                  NAMESPACE, NAME, Map.of("task-api-stable", 75, "task-api-canary", 25), true));

      assertThat(change.applied()).isTrue();
      assertThat(weights(live(), 1)).containsExactly(75, 25);
      assertThat(weights(live(), 0)).containsExactly(75);
    }

    @Test
    @DisplayName("without confirm: a dry-run request")
    void dryRun() throws InterruptedException {
      LiveChange change =
          writes.setWeights(
              new SetWeightsRequest(NAMESPACE, NAME, Map.of("task-api-canary", 50), false));

      assertThat(change.applied()).isFalse();
      assertThat(lastPatchOrPut().getPath()).contains("dryRun=All");
    }
  }

  @Nested
  @DisplayName("apply")
  class Apply {
    @Test
    @DisplayName("an update carrying a stale resourceVersion is refused with Conflict")
    void conflict() {
      HTTPRoute read = live();
      client
          .resource(
              new HTTPRouteBuilder(read).editMetadata().addToLabels("x", "y").endMetadata().build())
          .update();
      HTTPRoute proposed = canaryAt(30);

      assertThatThrownBy(() -> writes.apply(read, proposed, true))
          .isInstanceOf(ClusterException.class)
          .hasMessageStartingWith("Conflict:");
      assertThat(live().getMetadata().getLabels()).containsEntry("x", "y");
    }

    @Test
    @DisplayName("confirmed: the proposed spec replaces the live one")
    void confirmed() {
      LiveChange change = writes.apply(live(), canaryAt(30), true);

      assertThat(change.method()).isEqualTo("update");
      assertThat(weights(live(), 1)).containsExactly(90, 30);
      assertThat(change.changes()).containsExactly("/spec/rules/1/backendRefs/1/weight: 10 -> 30");
    }
  }

  /** The stored route as a file would propose it, with the canary's weight changed. */
  private static HTTPRoute canaryAt(int weight) {
    return new HTTPRouteBuilder(MockCluster.route("cluster/combined.yaml"))
        .editSpec()
        .editRule(1)
        .editBackendRef(1)
        .withWeight(weight)
        .endBackendRef()
        .endRule()
        .endSpec()
        .build();
  }

  @Nested
  @DisplayName("a route a controller owns")
  class Owned {
    @Test
    @DisplayName("is refused before anything is sent, naming the controller and what to do")
    void refused() {
      HTTPRoute flagger =
          new HTTPRouteBuilder(live())
              .editMetadata()
              .addToLabels("app.kubernetes.io/managed-by", "flagger")
              .endMetadata()
              .build();
      client.resource(flagger).update();
      int requests = server.getRequestCount();

      assertThatThrownBy(
              () -> writes.rollback(new LiveRollbackRequest(NAMESPACE, NAME, null, null, true)))
          .isInstanceOf(ClusterException.class)
          .hasMessageContaining("OwnedByController", "Flagger", "managed-by=flagger");
      // The one GET that read the route, no write.
      assertThat(server.getRequestCount()).isEqualTo(requests + 1);
      assertThat(weights(live(), 1)).containsExactly(90, 10);
    }
  }
}
