package dev.trafficengineer.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficengineer.core.confirm.Approval;
import dev.trafficengineer.core.confirm.PlanTokens;
import dev.trafficengineer.core.generate.BackendShare;
import dev.trafficengineer.core.patch.RouteRules;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The write path against the fabric8 mock API server in CRUD mode, taught to answer dry runs as a
 * real API server does ({@link DryRunMockServer}). The plain mock never answers a real patch whose
 * test fails (a real server answers 422); a failed guard is therefore shown on a dry run.
 */
@DisplayName("cluster writes")
class RouteWritesTest {
  private static final String NAMESPACE = "task-api";
  private static final String NAME = "task-api-combined";
  private static final Approval YES = (line, details) -> Approval.Answer.APPROVED;

  DryRunMockServer server;
  KubernetesClient client;
  RouteWrites writes;
  final List<String> asked = new ArrayList<>();

  @BeforeEach
  void store() {
    server = new DryRunMockServer();
    client = server.client();
    MockCluster.store(client, "cluster/combined.yaml");
    MockCluster.storeAll(client, "cluster/endpointslices.yaml");
    writes = new RouteWrites(MockCluster.on(client), WritePolicy.elicitWithRandomKey());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HTTPRoute live() {
    return client.resources(HTTPRoute.class).inNamespace(NAMESPACE).withName(NAME).get();
  }

  private static List<Integer> weights(HTTPRoute route, int rule) {
    return route.getSpec().getRules().get(rule).getBackendRefs().stream()
        .map(HTTPBackendRef::getWeight)
        .toList();
  }

  private List<String> writeRequests() {
    return server.requests().stream()
        .filter(r -> r.startsWith("PATCH") || r.startsWith("PUT"))
        .toList();
  }

  private Approval recording(Approval.Answer answer) {
    return (line, details) -> {
      asked.add(line);
      return answer;
    };
  }

  private static LiveRollbackRequest rollback(String token) {
    return new LiveRollbackRequest(NAMESPACE, NAME, null, null, null, token);
  }

  @Nested
  @DisplayName("rollback")
  class Rollbacks {
    @Test
    @DisplayName("first call: a dry run (dryRun=All) with a plan token, nothing stored")
    void dryRun() {
      LiveChange change = writes.rollback(rollback(null), YES);

      assertThat(change.applied()).isFalse();
      assertThat(change.method()).isEqualTo("json-patch");
      assertThat(change.rules().get(1).backends())
          .extracting(BackendShare::weight)
          .containsExactly(100, 0);
      assertThat(change.confirmation())
          .isEqualTo(
              "task-api/task-api-combined rule 1: task-api-stable 90 % → 100 %,"
                  + " task-api-canary 10 % → 0 %");
      assertThat(change.planToken()).isNotBlank();
      String patch = dev.trafficengineer.core.Json.MAPPER.writeValueAsString(change.patch());
      assertThat(change.commands())
          .containsExactly(
              "kubectl patch httproute task-api-combined -n task-api --type=json --dry-run=server"
                  + " -p '"
                  + patch
                  + "'",
              "kubectl patch httproute task-api-combined -n task-api --type=json -p '"
                  + patch
                  + "'");
      assertThat(writeRequests()).singleElement().asString().contains("dryRun=All");
      assertThat(weights(live(), 1)).containsExactly(90, 10);
    }

    @Test
    @DisplayName("second call with the token: dry run again, the person asked, then applied")
    void applied() {
      HTTPRoute before = live();
      String token = writes.rollback(rollback(null), YES).planToken();

      LiveChange change = writes.rollback(rollback(token), recording(Approval.Answer.APPROVED));

      HTTPRoute after = live();
      assertThat(change.applied()).isTrue();
      assertThat(asked)
          .containsExactly(
              "task-api/task-api-combined rule 1: task-api-stable 90 % → 100 %,"
                  + " task-api-canary 10 % → 0 %");
      assertThat(weights(after, 1)).containsExactly(100, 0);
      assertThat(after.getSpec().getRules().get(0)).isEqualTo(before.getSpec().getRules().get(0));
      assertThat(change.patch()).anyMatch(op -> op.op().equals("test"));
      assertThat(change.newResourceVersion()).isEqualTo(after.getMetadata().getResourceVersion());
      assertThat(change.planToken()).isNull();
      assertThat(writeRequests()).hasSize(3);
      assertThat(writeRequests().get(2)).doesNotContain("dryRun");
    }

    @Test
    @DisplayName("declined or cancelled by the person: nothing changes")
    void declined() {
      String token = writes.rollback(rollback(null), YES).planToken();

      assertThatThrownBy(
              () -> writes.rollback(rollback(token), recording(Approval.Answer.DECLINED)))
          .isInstanceOf(ClusterException.class)
          .hasMessageStartingWith("Declined:");
      assertThatThrownBy(
              () -> writes.rollback(rollback(token), recording(Approval.Answer.CANCELLED)))
          .isInstanceOf(ClusterException.class)
          .hasMessageStartingWith("Cancelled:");
      assertThat(weights(live(), 1)).containsExactly(90, 10);
      assertThat(writeRequests()).allMatch(r -> r.contains("dryRun=All"));
    }

    @Test
    @DisplayName("nobody to ask: no token on the dry run, and a token alone applies nothing")
    void nobodyToAsk() {
      LiveChange dryRun = writes.rollback(rollback(null), null);
      String token = writes.rollback(rollback(null), YES).planToken();

      assertThat(dryRun.planToken()).isNull();
      assertThat(dryRun.next()).contains("does not offer", "commands");
      assertThatThrownBy(() -> writes.rollback(rollback(token), null))
          .isInstanceOf(ClusterException.class)
          .hasMessageStartingWith("ConfirmationUnavailable:")
          .hasMessageContaining("kubectl patch httproute task-api-combined -n task-api");
      assertThat(weights(live(), 1)).containsExactly(90, 10);
    }

    @Test
    @DisplayName("--confirm=token: the token alone applies, nobody is asked")
    void tokenAlone() {
      RouteWrites tokenOnly =
          new RouteWrites(
              MockCluster.on(client),
              new WritePolicy(PlanTokens.randomKey(), true, Clock.systemUTC()));
      String token = tokenOnly.rollback(rollback(null), null).planToken();

      LiveChange change = tokenOnly.rollback(rollback(token), null);

      assertThat(change.applied()).isTrue();
      assertThat(weights(live(), 1)).containsExactly(100, 0);
    }

    @Test
    @DisplayName("the route changed since the plan: refused before anything is sent")
    void routeChanged() {
      String token = writes.rollback(rollback(null), YES).planToken();
      HTTPRoute concurrent =
          new HTTPRouteBuilder(live()).editMetadata().addToLabels("x", "y").endMetadata().build();
      client.resource(concurrent).update();
      int writesBefore = writeRequests().size();

      assertThatThrownBy(() -> writes.rollback(rollback(token), YES))
          .isInstanceOf(ClusterException.class)
          .hasMessageStartingWith("RouteChanged:");
      assertThat(writeRequests()).hasSize(writesBefore);
      assertThat(weights(live(), 1)).containsExactly(90, 10);
    }

    @Test
    @DisplayName("an expired token or one for another change is refused")
    void wrongToken() {
      Instant start = Instant.parse("2026-11-28T03:00:00Z");
      PlanTokens key = PlanTokens.randomKey();
      RouteWrites early =
          new RouteWrites(
              MockCluster.on(client),
              new WritePolicy(key, false, Clock.fixed(start, ZoneOffset.UTC)));
      RouteWrites late =
          new RouteWrites(
              MockCluster.on(client),
              new WritePolicy(
                  key, false, Clock.fixed(start.plus(PlanTokens.LIFETIME), ZoneOffset.UTC)));
      String token = early.rollback(rollback(null), YES).planToken();

      assertThatThrownBy(() -> late.rollback(rollback(token), YES))
          .hasMessageStartingWith("TokenExpired:");
      assertThatThrownBy(
              () ->
                  early.setWeights(
                      new SetWeightsRequest(NAMESPACE, NAME, Map.of("task-api-canary", 0), token),
                      YES))
          .hasMessageStartingWith("TokenForAnotherTarget:");
      assertThatThrownBy(
              () ->
                  early.rollback(
                      new LiveRollbackRequest(NAMESPACE, NAME, null, "canary", null, token), YES))
          .hasMessageStartingWith("TokenForAnotherPatch:");
      assertThat(weights(live(), 1)).containsExactly(90, 10);
    }

    @Test
    @DisplayName("a guard that fails at the API server (route read before a change): Conflict")
    void guardConflict() {
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

      assertThatThrownBy(() -> writes.rollback(read, rollback(null), YES))
          .isInstanceOf(ClusterException.class)
          .hasMessageStartingWith("Conflict:");
      assertThat(weights(live(), 1)).containsExactly(80, 20);
    }

    @Test
    @DisplayName("nothing to change: nothing is sent")
    void nothingToChange() {
      writes.rollback(rollback(writes.rollback(rollback(null), YES).planToken()), YES);

      LiveChange again = writes.rollback(rollback(null), YES);

      assertThat(again.method()).isEqualTo("none");
      assertThat(again.applied()).isFalse();
      assertThat(again.planToken()).isNull();
      assertThat(again.warnings())
          .startsWith(
              "Nothing to change: task-api-canary already has weight 0 in every rule that can"
                  + " send elsewhere.");
    }
  }

  @Nested
  @DisplayName("capacity: ready endpoints read from EndpointSlices")
  class ReadyEndpointsCounted {
    private static final String CANARY_GROWTH =
        "Capacity: task-api-canary has 1 ready endpoint and would take 100 % from 10 % of"
            + " rule 1's traffic, 10× as much per endpoint: scale it (its replicas) for that"
            + " before you apply the change.";

    @Test
    @DisplayName(
        "ready endpoints per Service: one per Pod across address families, not-ready left out")
    void counts() {
      assertThat(ReadyEndpoints.of(MockCluster.on(client), RouteRules.of(live())).counts())
          .isEqualTo(Map.of("task-api-stable", 2, "task-api-canary", 1));
    }

    @Test
    @DisplayName(
        "to the canary (10 % -> 100 % on 1 endpoint): a warning with the numbers, on the dry"
            + " run and in the form the person approves")
    void growthWarning() {
      List<String> details = new ArrayList<>();
      LiveRollbackRequest toCanary =
          new LiveRollbackRequest(NAMESPACE, NAME, null, null, "task-api-canary", null);

      LiveChange dryRun = writes.rollback(toCanary, YES);
      LiveChange applied =
          writes.rollback(
              new LiveRollbackRequest(
                  NAMESPACE, NAME, null, null, "task-api-canary", dryRun.planToken()),
              (line, text) -> {
                details.add(text);
                return Approval.Answer.APPROVED;
              });

      assertThat(dryRun.warnings()).contains(CANARY_GROWTH);
      assertThat(applied.warnings()).contains(CANARY_GROWTH);
      assertThat(details).singleElement().asString().contains("Warning: " + CANARY_GROWTH);
      assertThat(weights(live(), 1)).containsExactly(0, 100);
    }

    @Test
    @DisplayName("set weights 90/10 -> 50/50, 1 canary endpoint (5x per endpoint): a warning")
    void setWeightsWarning() {
      Map<String, Integer> halves = Map.of("task-api-stable", 50, "task-api-canary", 50);

      LiveChange change =
          writes.setWeights(new SetWeightsRequest(NAMESPACE, NAME, halves, null), YES);

      assertThat(change.warnings())
          .containsExactly(
              "Capacity: task-api-canary has 1 ready endpoint and would take 50 % from 10 % of"
                  + " rule 1's traffic, 5× as much per endpoint: scale it (its replicas) for that"
                  + " before you apply the change.");
      assertThat(change.planToken()).isNotBlank();
    }

    @Test
    @DisplayName("stable with no ready endpoint: the first call is refused and nothing is sent")
    void noReadyEndpointRefused() {
      stableDown();

      assertThatThrownBy(() -> writes.rollback(rollback(null), YES))
          .hasMessageStartingWith(
              "readyEndpoints: \"task-api-stable\" has no ready endpoint, and the change would"
                  + " send it 100 % from 90 % of rule 1's traffic: those requests would be"
                  + " answered with 503.");
      assertThat(weights(live(), 1)).containsExactly(90, 10);
      assertThat(writeRequests()).isEmpty();
    }

    @Test
    @DisplayName(
        "endpoints gone between the plan and its token: refused before the person is asked")
    void noReadyEndpointWithToken() {
      String token = writes.rollback(rollback(null), YES).planToken();
      int writesBefore = writeRequests().size();
      stableDown();

      assertThatThrownBy(
              () -> writes.rollback(rollback(token), recording(Approval.Answer.APPROVED)))
          .hasMessageStartingWith("readyEndpoints: \"task-api-stable\" has no ready endpoint");
      assertThat(asked).isEmpty();
      assertThat(writeRequests()).hasSize(writesBefore);
      assertThat(weights(live(), 1)).containsExactly(90, 10);
    }

    private void stableDown() {
      client.discovery().v1().endpointSlices().inNamespace(NAMESPACE).delete();
      MockCluster.storeAll(client, "cluster/endpointslices-stable-down.yaml");
    }
  }

  @Nested
  @DisplayName("set weights")
  class SetWeights {
    @Test
    @DisplayName("applied with the token: the named backends get exactly their new weights")
    void applied() {
      Map<String, Integer> weights = Map.of("task-api-stable", 75, "task-api-canary", 25);
      String token =
          writes.setWeights(new SetWeightsRequest(NAMESPACE, NAME, weights, null), YES).planToken();

      LiveChange change =
          writes.setWeights(new SetWeightsRequest(NAMESPACE, NAME, weights, token), YES);

      assertThat(change.applied()).isTrue();
      assertThat(weights(live(), 1)).containsExactly(75, 25);
      assertThat(weights(live(), 0)).containsExactly(75);
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

      assertThatThrownBy(() -> writes.apply(read, canaryAt(30), null, YES))
          .isInstanceOf(ClusterException.class)
          .hasMessageStartingWith("Conflict:");
      assertThat(live().getMetadata().getLabels()).containsEntry("x", "y");
    }

    @Test
    @DisplayName("applied with the token: the proposed spec replaces the live one")
    void applied() {
      String token = writes.apply(live(), canaryAt(30), null, YES).planToken();

      LiveChange change =
          writes.apply(live(), canaryAt(30), token, recording(Approval.Answer.APPROVED));

      assertThat(change.method()).isEqualTo("update");
      assertThat(weights(live(), 1)).containsExactly(90, 30);
      assertThat(change.changes()).containsExactly("/spec/rules/1/backendRefs/1/weight: 10 -> 30");
      assertThat(asked)
          .containsExactly(
              "task-api/task-api-combined rule 1: task-api-stable 90 % → 75 %,"
                  + " task-api-canary 10 % → 25 %");
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
      int requests = server.requests().size();

      assertThatThrownBy(() -> writes.rollback(rollback(null), YES))
          .isInstanceOf(ClusterException.class)
          .hasMessageContaining("OwnedByController", "Flagger", "managed-by=flagger");
      // The one GET that read the route, no write.
      assertThat(server.requests()).hasSize(requests + 1);
      assertThat(weights(live(), 1)).containsExactly(90, 10);
    }
  }
}
