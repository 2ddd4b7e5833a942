package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.cluster.DryRunMockServer;
import dev.trafficengineer.cluster.MockCluster;
import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.yaml.HttpRouteMapping;
import dev.trafficengineer.core.yaml.YamlReader;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live commands and {@code serve --cluster} against the mock API server, reached the way a user
 * reaches a cluster: through a kubeconfig file.
 */
@DisplayName("live commands and serve --cluster")
class LiveCommandsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  DryRunMockServer server;
  KubernetesClient client;
  @TempDir Path directory;
  String kubeconfig;

  @AfterEach
  void stop() {
    server.close();
  }

  @BeforeEach
  void setUp() throws IOException {
    server = new DryRunMockServer();
    client = server.client();
    HTTPRoute route =
        HttpRouteMapping.toRoute(
            YamlReader.read(TestFiles.read("cluster/combined.yaml")).get(0).tree());
    route.getMetadata().setResourceVersion(null);
    client.resource(route).create();
    client
        .load(
            new ByteArrayInputStream(
                TestFiles.read("cluster/endpointslices.yaml").getBytes(StandardCharsets.UTF_8)))
        .items()
        .forEach(item -> client.resource(item).create());
    Path file = directory.resolve("kubeconfig");
    Files.writeString(
        file,
        TestFiles.read("cluster/kubeconfig.yaml")
            .replace("SERVER", client.getMasterUrl().toString()));
    kubeconfig = file.toString();
  }

  private List<Integer> canaryRule() {
    return client
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

  @Test
  @DisplayName("get prints the weights and the status")
  void get() {
    CliRun run =
        CliRun.of("get", "task-api-combined", "-n", "task-api", "--kubeconfig", kubeconfig);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("task-api-canary 10 (10%)", "Accepted=True Accepted");
  }

  @Test
  @DisplayName("rollback --live without --yes: a dry run")
  void rollbackDryRun() {
    CliRun run = CliRun.of(rollback());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("DRY RUN, nothing changed", "task-api-canary 0 (0%)");
  }

  @Test
  @DisplayName("rollback --live --yes: the guarded patch, applied and read back")
  void rollbackConfirmed() {
    List<String> args = new ArrayList<>(List.of(rollback()));
    args.add("--yes");

    CliRun run = CliRun.of(args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("APPLIED (json-patch)");
    assertThat(canaryRule()).containsExactly(100, 0);
  }

  @Test
  @DisplayName("rollback --live --kind grpc --yes: the GRPCRoute's guarded patch, applied")
  void rollbackGrpcRoute() {
    MockCluster.storeGrpc(client, "rollback/grpc/orders-canary.live.yaml");
    MockCluster.storeAll(client, "cluster/grpc-endpointslices.yaml");

    CliRun run =
        CliRun.of(
            "rollback",
            "--live",
            "--kind",
            "grpc",
            "-n",
            "orders",
            "--name",
            "orders-canary",
            "--kubeconfig",
            kubeconfig,
            "--yes");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("APPLIED (json-patch)", "orders-canary 0 (0%)");
    assertThat(
            client
                .resources(GRPCRoute.class)
                .inNamespace("orders")
                .withName("orders-canary")
                .get()
                .getSpec()
                .getRules()
                .get(1)
                .getBackendRefs())
        .extracting(GRPCBackendRef::getWeight)
        .containsExactly(100, 0);
  }

  @Test
  @DisplayName("get --kind grpc reads the GRPCRoute")
  void getGrpcRoute() {
    MockCluster.storeGrpc(client, "rollback/grpc/orders-canary.live.yaml");

    CliRun run =
        CliRun.of(
            "get", "orders-canary", "-n", "orders", "--kind", "grpc", "--kubeconfig", kubeconfig);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("GRPCRoute orders/orders-canary")
        .contains("orders-canary 10 (10%)", "Accepted=True Accepted", "kind: GRPCRoute");
  }

  @Test
  @DisplayName("diff -f of a GRPCRoute compares it with the live GRPCRoute")
  void diffGrpcRoute() throws IOException {
    MockCluster.storeGrpc(client, "rollback/grpc/orders-canary.live.yaml");
    Path proposed = directory.resolve("route.yaml");
    Files.writeString(proposed, TestFiles.read("cluster/grpc/orders-canary.proposed.yaml"));

    CliRun run = CliRun.of("diff", "-f", proposed.toString(), "--kubeconfig", kubeconfig);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("GRPCRoute orders/orders-canary, live vs proposed:\n")
        .contains(
            "- /spec/rules/1/backendRefs/0/weight: 90 -> 80\n"
                + "- /spec/rules/1/backendRefs/1/weight: 10 -> 20\n\nRule:");
  }

  @Test
  @DisplayName("rollback --live --to: the ready endpoints counted, the numbers in the warning")
  void rollbackToWithCapacity() {
    List<String> args = new ArrayList<>(List.of(rollback()));
    args.addAll(List.of("--to", "task-api-canary"));

    CliRun run = CliRun.of(args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "DRY RUN, nothing changed",
            "task-api-canary has 1 ready endpoint and would take 100 % from 10 % of rule 1's"
                + " traffic, 10× as much per endpoint");
  }

  private String[] rollback() {
    return new String[] {
      "rollback",
      "--live",
      "-n",
      "task-api",
      "--name",
      "task-api-combined",
      "--kubeconfig",
      kubeconfig
    };
  }

  @Test
  @DisplayName("set-weights --live --yes sets exactly the given weights")
  void setWeights() {
    CliRun run =
        CliRun.of(
            "set-weights",
            "--live",
            "-n",
            "task-api",
            "--name",
            "task-api-combined",
            "--weight",
            "task-api-stable=60",
            "--weight",
            "task-api-canary=40",
            "--yes",
            "--kubeconfig",
            kubeconfig);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(canaryRule()).containsExactly(60, 40);
  }

  @Test
  @DisplayName("a missing route: one line with the API reason, exit 2")
  void notFound() {
    CliRun run = CliRun.of("get", "nope", "-n", "task-api", "--kubeconfig", kubeconfig);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: NotFound:");
  }

  @Test
  @DisplayName("a route Flagger owns is not written: the answer is no, exit 1")
  void ownedRouteIsANo() {
    HTTPRoute owned =
        HttpRouteMapping.toRoute(
            YamlReader.read(TestFiles.read("cluster/combined.yaml")).get(0).tree());
    owned.getMetadata().setResourceVersion(null);
    owned.getMetadata().setName("task-api-flagger");
    owned.getMetadata().setAnnotations(Map.of("flagger.app/primary", "task-api"));
    client.resource(owned).create();

    CliRun run =
        CliRun.of(
            "rollback",
            "--live",
            "-n",
            "task-api",
            "--name",
            "task-api-flagger",
            "--yes",
            "--kubeconfig",
            kubeconfig);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("error: OwnedByController:");
  }

  @Test
  @DisplayName("--kubeconfig naming a missing file says that it does not exist, exit 2")
  void missingKubeconfig() {
    String missing = directory.resolve("no-such-kubeconfig").toString();

    CliRun run = CliRun.of("get", "task-api-combined", "-n", "task-api", "--kubeconfig", missing);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "error: BadConfig: the kubeconfig file "
                + missing
                + " does not exist (--kubeconfig)\n");
  }

  @Test
  @DisplayName("serve --cluster lists the read tools, --allow-writes the write tools too")
  void serveListsClusterTools() throws Exception {
    assertThat(toolsListed("--cluster"))
        .containsSubsequence(
            "analyze_canary", "cluster_get_route", "cluster_list_routes", "cluster_diff")
        .doesNotContain("cluster_rollback");
    assertThat(toolsListed("--cluster", "--allow-writes"))
        .contains("cluster_rollback", "cluster_set_weights", "cluster_apply_route");
  }

  @Test
  @DisplayName("over MCP: write tools are destructive and open-world, and get reads the mock")
  void serveCallsTheCluster() throws Exception {
    JsonNode messages =
        session(
            List.of("--cluster", "--allow-writes"),
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"cluster_get_route\",\"arguments\":{\"namespace\":\"task-api\",\"name\":"
                + "\"task-api-combined\"}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"cluster_get_route\",\"arguments\":{\"namespace\":\"task-api\",\"name\":"
                + "\"nope\"}}}");
    JsonNode rollback = null;
    for (JsonNode tool : byId(messages, 1).at("/result/tools")) {
      if (tool.path("name").asString().equals("cluster_rollback")) {
        rollback = tool.get("annotations");
      }
    }

    assertThat(rollback.path("readOnlyHint").asBoolean()).isFalse();
    assertThat(rollback.path("destructiveHint").asBoolean()).isTrue();
    assertThat(rollback.path("openWorldHint").asBoolean()).isTrue();
    assertThat(byId(messages, 2).at("/result/structuredContent/route").asString())
        .isEqualTo("task-api/task-api-combined");
    assertThat(byId(messages, 3).at("/result/isError").asBoolean()).isTrue();
    assertThat(byId(messages, 3).at("/result/content/0/text").asString()).contains("NotFound");
  }

  @Test
  @DisplayName(
      "serve --namespace limits every cluster tool; --audit-log gets one JSON line per call")
  void scopeAndAudit() throws Exception {
    Path audit = directory.resolve("audit.jsonl");
    JsonNode messages =
        session(
            List.of("--cluster", "--namespace", "task-api", "--audit-log", audit.toString()),
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"cluster_get_route\",\"arguments\":{\"namespace\":\"task-api\",\"name\":"
                + "\"task-api-combined\"}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"cluster_list_routes\",\"arguments\":{\"namespace\":\"kube-system\"}}}");
    // The calls may run at the same time: the lines in tool order.
    List<JsonNode> lines =
        Files.readAllLines(audit).stream()
            .map(line -> JSON.readTree(line))
            .sorted(java.util.Comparator.comparing(line -> line.path("tool").asString()))
            .toList();

    assertThat(byId(messages, 1).at("/result/isError").asBoolean()).isFalse();
    assertThat(byId(messages, 2).at("/result/content/0/text").asString())
        .contains("OutOfScope", "kube-system", "--namespace task-api");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).path("client").asString()).isEqualTo("t");
    assertThat(lines.get(0).path("tool").asString()).isEqualTo("cluster_get_route");
    assertThat(lines.get(0).path("route").asString()).isEqualTo("task-api/task-api-combined");
    assertThat(lines.get(0).path("outcome").asString()).isEqualTo("ok");
    assertThat(lines.get(0).path("resourceVersionBefore").asString()).isNotEmpty();
    assertThat(lines.get(1).path("outcome").asString()).isEqualTo("refused");
    assertThat(lines.get(1).path("message").asString()).contains("OutOfScope");
    assertThat(server.requests()).noneMatch(request -> request.contains("kube-system"));
  }

  private List<String> toolsListed(String... flags) throws Exception {
    JsonNode messages =
        session(List.of(flags), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
    List<String> names = new ArrayList<>();
    byId(messages, 1).at("/result/tools").forEach(tool -> names.add(tool.get("name").asString()));
    return names;
  }

  private static JsonNode byId(JsonNode messages, int id) {
    for (JsonNode message : messages) {
      if (message.path("id").asInt(-1) == id) {
        return message;
      }
    }
    throw new AssertionError("no response " + id + " in " + messages);
  }

  /** The server in a JVM of its own: initialize, the requests, then stdin closes. */
  private JsonNode session(List<String> flags, String... requests) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xlog:disable");
    command.add("-Xlog:all=warning:stderr");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.add("serve");
    command.addAll(flags);
    command.add("--kubeconfig");
    command.add(kubeconfig);
    Process server =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    StringBuilder input =
        new StringBuilder(
            "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n");
    for (String request : requests) {
      input.append(request).append('\n');
    }
    try (OutputStream in = server.getOutputStream()) {
      in.write(input.toString().getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return JSON.readTree("[" + String.join(",", out.strip().split("\n")) + "]");
  }
}
