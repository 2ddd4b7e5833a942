package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.cluster.DryRunMockServer;
import dev.trafficengineer.cluster.MockCluster;
import dev.trafficengineer.cluster.WritePolicy;
import dev.trafficengineer.core.Json;
import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.confirm.PlanTokens;
import dev.trafficengineer.mcp.http.HttpSettings;
import dev.trafficengineer.mcp.http.McpHttpServer;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ClientCapabilities;
import io.modelcontextprotocol.spec.McpSchema.ElicitFormRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The write tools end to end: the MCP Java SDK's client, answering the server's confirmation form
 * as a person would, over Streamable HTTP, against the fabric8 mock API server in CRUD mode (taught
 * to answer dry runs without storing them). The server is scoped to the namespace task-api and
 * records every call in an audit trail.
 */
@DisplayName("cluster writes over MCP, confirmed by a person")
class ClusterWritesEndToEndTest {
  private static final String ROUTE = "task-api/task-api-combined";
  private static final Map<String, Object> ROLLBACK =
      Map.of("namespace", "task-api", "name", "task-api-combined");

  DryRunMockServer cluster;
  KubernetesClient kube;
  McpHttpServer server;
  final MovableClock clock = new MovableClock(Instant.parse("2026-11-28T03:00:00Z"));
  final ByteArrayOutputStream audit = new ByteArrayOutputStream();
  final List<ElicitFormRequest> forms = new ArrayList<>();
  Function<ElicitFormRequest, ElicitResult> person;
  final List<McpSyncClient> clients = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    cluster = new DryRunMockServer();
    kube = cluster.client();
    MockCluster.store(kube, "cluster/combined.yaml");
    MockCluster.storeAll(kube, "cluster/endpointslices.yaml");
    HTTPRoute argo =
        new HTTPRouteBuilder(
                kube.resource(
                        new HTTPRouteBuilder(
                                kube.resources(HTTPRoute.class)
                                    .inNamespace("task-api")
                                    .withName("task-api-combined")
                                    .get())
                            .build())
                    .get())
            .build();
    argo.getMetadata().setName("task-api-argo");
    argo.getMetadata().setResourceVersion(null);
    argo.getMetadata().setUid(null);
    argo.getMetadata()
        .setAnnotations(
            Map.of(
                "argocd.argoproj.io/tracking-id",
                "task-api:gateway.networking.k8s.io/HTTPRoute:task-api/task-api-argo"));
    kube.resource(argo).create();
    server =
        McpHttpServer.start(
            new HttpSettings("127.0.0.1", 0, false, null, List.of(), List.of()),
            ClusterTools.selection(
                MockCluster.on(kube, List.of("task-api")),
                new WritePolicy(PlanTokens.randomKey(), false, clock),
                new AuditTrail(new PrintStream(audit, true, StandardCharsets.UTF_8), clock)));
  }

  @AfterEach
  void stop() {
    clients.forEach(McpSyncClient::closeGracefully);
    server.close();
    cluster.close();
  }

  /** A client whose person answers forms with {@link #person}; or one that declares no forms. */
  private McpSyncClient client(boolean forms) {
    McpClient.SyncSpec spec =
        McpClient.sync(
                HttpClientStreamableHttpTransport.builder(
                        "http://127.0.0.1:" + server.endpoint().getPort())
                    .endpoint(McpHttpServer.ENDPOINT)
                    .jsonMapper(McpServers.jsonMapper())
                    .build())
            .clientInfo(new Implementation(forms ? "form-client" : "plain-client", "1"))
            .requestTimeout(Duration.ofSeconds(30));
    if (forms) {
      spec.capabilities(ClientCapabilities.builder().elicitation().build())
          .elicitation(
              request -> {
                this.forms.add(request);
                return person.apply(request);
              });
    }
    McpSyncClient client = spec.build();
    client.initialize();
    clients.add(client);
    return client;
  }

  private static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> args) {
    return client.callTool(new CallToolRequest(tool, args));
  }

  private static Map<String, Object> with(Map<String, Object> args, String key, Object value) {
    Map<String, Object> more = new java.util.LinkedHashMap<>(args);
    more.put(key, value);
    return more;
  }

  private static String token(CallToolResult dryRun) {
    assertThat(dryRun.isError()).as(text(dryRun)).isFalse();
    return structured(dryRun).path("planToken").asString();
  }

  private static JsonNode structured(CallToolResult result) {
    return Json.MAPPER.valueToTree(result.structuredContent());
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }

  private List<Integer> canaryRule() {
    return kube
        .resources(HTTPRoute.class)
        .inNamespace("task-api")
        .withName("task-api-combined")
        .get()
        .getSpec()
        .getRules()
        .get(1)
        .getBackendRefs()
        .stream()
        .map(HTTPBackendRef::getWeight)
        .toList();
  }

  private List<JsonNode> auditLines() {
    return audit.toString(StandardCharsets.UTF_8).lines().map(Json.MAPPER::readTree).toList();
  }

  private long realWrites() {
    return cluster.requests().stream()
        .filter(r -> r.startsWith("PATCH") && !r.contains("dryRun=All"))
        .count();
  }

  @Nested
  @DisplayName("a client with forms")
  class WithForms {
    @Test
    @DisplayName("accept: the form restates the change in one line, then the patch is applied")
    void accept() {
      McpSyncClient client = client(true);
      person = form -> new ElicitResult(ElicitResult.Action.ACCEPT, Map.of("approve", true));
      CallToolResult dryRun = call(client, "cluster_rollback", ROLLBACK);

      CallToolResult applied =
          call(client, "cluster_rollback", with(ROLLBACK, "planToken", token(dryRun)));

      assertThat(text(applied)).startsWith("HTTPRoute " + ROUTE + ": APPLIED (json-patch)");
      assertThat(forms)
          .singleElement()
          .satisfies(
              form ->
                  assertThat(form.message())
                      .contains(
                          "task-api/task-api-combined rule 1: task-api-stable 90 % → 100 %,"
                              + " task-api-canary 10 % → 0 %"));
      assertThat(forms.get(0).requestedSchema()).containsKey("properties");
      assertThat(canaryRule()).containsExactly(100, 0);
      assertThat(realWrites()).isEqualTo(1);
    }

    @Test
    @DisplayName("a GRPCRoute file: cluster_apply_route creates it after the form, get reads it")
    void applyGrpcRoute() {
      McpSyncClient client = client(true);
      person = form -> new ElicitResult(ElicitResult.Action.ACCEPT, Map.of("approve", true));
      Map<String, Object> apply = Map.of("yaml", TestFiles.read("cluster/grpc/task-api-grpc.yaml"));
      CallToolResult dryRun = call(client, "cluster_apply_route", apply);

      assertThat(text(dryRun)).startsWith("GRPCRoute task-api/a-grpc-route: DRY RUN");
      assertThat(kube.resources(GRPCRoute.class).inNamespace("task-api").list().getItems())
          .isEmpty();

      CallToolResult applied =
          call(client, "cluster_apply_route", with(apply, "planToken", token(dryRun)));

      assertThat(text(applied)).startsWith("GRPCRoute task-api/a-grpc-route: APPLIED (create)");
      assertThat(forms).hasSize(1);
      CallToolResult read =
          call(
              client,
              "cluster_get_route",
              Map.of("namespace", "task-api", "name", "a-grpc-route", "kind", "GRPCRoute"));
      assertThat(structured(read).path("kind").asString()).isEqualTo("GRPCRoute");
      assertThat(
              structured(read).path("rules").get(0).path("backends").get(0).path("name").asString())
          .isEqualTo("task-api-grpc");
    }

    @Test
    @DisplayName("decline, or accept without ticking the box: nothing applied")
    void decline() {
      McpSyncClient client = client(true);
      String token = token(call(client, "cluster_rollback", ROLLBACK));

      person = form -> new ElicitResult(ElicitResult.Action.DECLINE, null);
      CallToolResult declined =
          call(client, "cluster_rollback", with(ROLLBACK, "planToken", token));
      person = form -> new ElicitResult(ElicitResult.Action.ACCEPT, Map.of("approve", false));
      CallToolResult unticked =
          call(client, "cluster_rollback", with(ROLLBACK, "planToken", token));

      assertThat(declined.isError()).isTrue();
      assertThat(text(declined)).contains("Declined", "nothing was changed");
      assertThat(unticked.isError()).isTrue();
      assertThat(text(unticked)).contains("Declined");
      assertThat(canaryRule()).containsExactly(90, 10);
      assertThat(realWrites()).isZero();
    }

    @Test
    @DisplayName("cancel: nothing applied")
    void cancel() {
      McpSyncClient client = client(true);
      String token = token(call(client, "cluster_rollback", ROLLBACK));
      person = form -> new ElicitResult(ElicitResult.Action.CANCEL, null);

      CallToolResult cancelled =
          call(client, "cluster_rollback", with(ROLLBACK, "planToken", token));

      assertThat(text(cancelled)).contains("Cancelled", "nothing was changed");
      assertThat(canaryRule()).containsExactly(90, 10);
      assertThat(realWrites()).isZero();
    }

    @Test
    @DisplayName("confirm: true is no longer an argument: the model cannot confirm itself")
    void confirmTrueRefused() {
      McpSyncClient client = client(true);

      CallToolResult result = call(client, "cluster_rollback", with(ROLLBACK, "confirm", true));

      assertThat(result.isError()).isTrue();
      assertThat(canaryRule()).containsExactly(90, 10);
      assertThat(forms).isEmpty();
    }
  }

  @Test
  @DisplayName("no forms: a dry run without token; a token is refused with the kubectl commands")
  void noElicitation() {
    McpSyncClient plain = client(false);
    String token = token(call(client(true), "cluster_rollback", ROLLBACK));

    CallToolResult dryRun = call(plain, "cluster_rollback", ROLLBACK);
    CallToolResult refused = call(plain, "cluster_rollback", with(ROLLBACK, "planToken", token));

    assertThat(structured(dryRun).has("planToken")).isFalse();
    assertThat(structured(dryRun).path("commands").get(0).asString())
        .startsWith("kubectl patch httproute task-api-combined -n task-api --type=json")
        .contains("--dry-run=server");
    assertThat(refused.isError()).isTrue();
    assertThat(text(refused))
        .contains(
            "ConfirmationUnavailable",
            "kubectl patch httproute task-api-combined -n task-api --type=json --dry-run=server");
    assertThat(canaryRule()).containsExactly(90, 10);
    assertThat(realWrites()).isZero();
  }

  @Nested
  @DisplayName("a token that does not fit is refused before the person is asked")
  class Tokens {
    @Test
    @DisplayName("expired")
    void expired() {
      McpSyncClient client = client(true);
      String token = token(call(client, "cluster_rollback", ROLLBACK));
      clock.advance(PlanTokens.LIFETIME);

      CallToolResult result = call(client, "cluster_rollback", with(ROLLBACK, "planToken", token));

      assertThat(text(result)).contains("TokenExpired");
      assertThat(forms).isEmpty();
    }

    @Test
    @DisplayName("issued for another patch")
    void anotherPatch() {
      McpSyncClient client = client(true);
      String token = token(call(client, "cluster_rollback", ROLLBACK));

      CallToolResult result =
          call(
              client,
              "cluster_rollback",
              with(with(ROLLBACK, "target", "canary"), "planToken", token));

      assertThat(text(result)).contains("TokenForAnotherPatch");
      assertThat(forms).isEmpty();
    }

    @Test
    @DisplayName("the route changed since the dry run")
    void routeChanged() {
      McpSyncClient client = client(true);
      String token = token(call(client, "cluster_rollback", ROLLBACK));
      HTTPRoute live =
          kube.resources(HTTPRoute.class)
              .inNamespace("task-api")
              .withName("task-api-combined")
              .get();
      kube.resource(
              new HTTPRouteBuilder(live).editMetadata().addToLabels("x", "y").endMetadata().build())
          .update();

      CallToolResult result = call(client, "cluster_rollback", with(ROLLBACK, "planToken", token));

      assertThat(text(result)).contains("RouteChanged", "resourceVersion");
      assertThat(forms).isEmpty();
      assertThat(canaryRule()).containsExactly(90, 10);
    }
  }

  @Test
  @DisplayName(
      "to a Service with no ready endpoint: refused on the first call, no token, nobody asked")
  void capacityRefusedFirst() {
    kube.discovery().v1().endpointSlices().inNamespace("task-api").delete();
    MockCluster.storeAll(kube, "cluster/endpointslices-stable-down.yaml");

    CallToolResult result = call(client(true), "cluster_rollback", ROLLBACK);

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).contains("readyEndpoints", "task-api-stable", "no ready endpoint");
    assertThat(forms).isEmpty();
    assertThat(cluster.requests()).noneMatch(request -> request.startsWith("PATCH"));
    assertThat(canaryRule()).containsExactly(90, 10);
  }

  @Test
  @DisplayName("a namespace outside --namespace: refused, nothing sent")
  void outOfScope() {
    CallToolResult result =
        call(client(true), "cluster_rollback", Map.of("namespace", "payments", "name", "api"));

    assertThat(text(result)).contains("OutOfScope", "payments");
    assertThat(cluster.requests()).noneMatch(request -> request.contains("payments"));
  }

  @Test
  @DisplayName("a route Argo CD manages: not patched; the change comes back as a kustomize patch")
  void gitops() {
    McpSyncClient client = client(true);

    CallToolResult result =
        call(client, "cluster_rollback", Map.of("namespace", "task-api", "name", "task-api-argo"));

    JsonNode change = structured(result);
    assertThat(change.path("method").asString()).isEqualTo("gitops");
    assertThat(change.path("gitops").path("tool").asString()).isEqualTo("Argo CD");
    assertThat(change.path("gitops").path("kustomizePatch").asString())
        .startsWith("patches:\n- target:\n")
        .contains("name: task-api-argo", "\"op\":\"replace\"");
    assertThat(change.path("next").asString()).contains("OutOfSync", "Not patched live");
    assertThat(change.has("planToken")).isFalse();
    assertThat(cluster.requests()).noneMatch(request -> request.startsWith("PATCH"));
  }

  @Test
  @DisplayName("the audit trail: one JSON line per call, with outcome and versions, no token")
  void audit() {
    McpSyncClient client = client(true);
    person = form -> new ElicitResult(ElicitResult.Action.ACCEPT, Map.of("approve", true));
    call(client, "cluster_get_route", ROLLBACK);
    String token = token(call(client, "cluster_rollback", ROLLBACK));
    call(client, "cluster_rollback", with(ROLLBACK, "planToken", token));
    call(client, "cluster_get_route", Map.of("namespace", "payments", "name", "api"));

    List<JsonNode> lines = auditLines();

    assertThat(lines)
        .extracting(line -> line.path("tool").asString())
        .containsExactly(
            "cluster_get_route", "cluster_rollback", "cluster_rollback", "cluster_get_route");
    assertThat(lines)
        .extracting(line -> line.path("outcome").asString())
        .containsExactly("ok", "dry-run", "applied", "refused");
    assertThat(lines)
        .extracting(line -> line.path("route").asString())
        .containsExactly(ROUTE, ROUTE, ROUTE, "payments/api");
    assertThat(lines)
        .allSatisfy(
            line -> {
              assertThat(line.path("client").asString()).isEqualTo("form-client");
              assertThat(line.path("time").asString()).isEqualTo("2026-11-28T03:00:00Z");
            });
    assertThat(lines.get(2).path("resourceVersionAfter").asString())
        .isNotEqualTo(lines.get(2).path("resourceVersionBefore").asString())
        .isNotEmpty();
    assertThat(lines.get(2).path("patch").isArray()).isTrue();
    assertThat(lines.get(0).has("patch")).isFalse();
    assertThat(lines.get(3).path("message").asString()).contains("OutOfScope");
    assertThat(audit.toString(StandardCharsets.UTF_8)).doesNotContain(token);
  }

  /** A clock the test moves forward, to let a plan token expire. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
