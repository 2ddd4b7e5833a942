package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.McpToolMetadataKeys;
import dev.langchain4j.mcp.client.transport.stdio.StdioMcpTransport;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.trafficengineer.core.TestFiles;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server as an MCP client sees it: langchain4j-mcp, an independent client implementation,
 * starts it as a separate process over stdio. The client returns the structured content as the
 * result text, and raises results with {@code isError} as {@link ToolExecutionException}.
 */
@DisplayName("langchain4j-mcp client against the stdio server")
class McpClientEndToEndTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String CANARY =
      """
      {"namespace": "task-api", "gateway": "task-api-gateway", "stableService": "task-api-stable",
       "canaryService": "task-api-canary", "port": 8080, "canaryWeight": %d}
      """;

  private static McpClient client;

  @BeforeAll
  static void start() {
    client =
        new DefaultMcpClient.Builder()
            .key("traffic-engineer")
            .transport(new StdioMcpTransport.Builder().command(ServerProcess.command()).build())
            .initializationTimeout(Duration.ofSeconds(30))
            .toolExecutionTimeout(Duration.ofSeconds(30))
            .build();
  }

  @AfterAll
  static void stop() throws Exception {
    client.close();
  }

  @Test
  @DisplayName("lists every tool with its schemas, title and read-only annotations")
  void listsTools() {
    List<ToolSpecification> tools = client.listTools();

    assertThat(tools)
        .extracting(ToolSpecification::name)
        .containsExactly(
            "generate_canary",
            "generate_blue_green",
            "generate_ab_test",
            "add_premium_rule",
            "plan_rollout",
            "rollback_patch",
            "decision_framework",
            "validate_route",
            "simulate_traffic",
            "compare_routes",
            "monitoring_queries",
            "analyze_canary",
            // The rollout view's own tool: a client without MCP Apps lists it too.
            "draw_route");
    for (ToolSpecification tool : tools) {
      assertThat(tool.description()).isNotBlank();
      assertThat(tool.parameters()).isNotNull();
      Map<String, Object> metadata = tool.metadata();
      assertThat(metadata.get(McpToolMetadataKeys.TITLE)).as(tool.name()).isNotNull();
      assertThat(metadata)
          .as(tool.name())
          .containsEntry(McpToolMetadataKeys.READ_ONLY_HINT, true)
          .containsEntry(McpToolMetadataKeys.DESTRUCTIVE_HINT, false)
          .containsEntry(McpToolMetadataKeys.IDEMPOTENT_HINT, true)
          // analyze_canary reads from the Prometheus a caller names; every other tool is offline.
          .containsEntry(McpToolMetadataKeys.OPEN_WORLD_HINT, tool.name().equals("analyze_canary"));
    }
    ToolSpecification canary = tools.get(0);
    assertThat(canary.parameters().properties()).containsKeys("canaryWeight", "protectHeader");
    assertThat(canary.parameters().required())
        .containsExactlyInAnyOrder(
            "namespace", "gateway", "stableService", "canaryService", "port", "canaryWeight");
  }

  @Test
  @DisplayName("generate_canary returns the route as structured content")
  void generatesCanary() {
    JsonNode result = call("generate_canary", CANARY.formatted(5));

    assertThat(result.get("route").asString()).isEqualTo("task-api/task-api-canary");
    assertThat(result.get("yaml").asString()).contains("kind: HTTPRoute", "weight: 5");
    assertThat(result.at("/split/0/backends/1/percent").asDouble()).isEqualTo(5.0);
  }

  @Test
  @DisplayName("a refused call names the argument, and the same connection keeps serving")
  void refusesThenServes() {
    assertThatThrownBy(() -> call("generate_canary", CANARY.formatted(150)))
        .isInstanceOf(ToolExecutionException.class)
        .hasMessageContaining("canaryWeight")
        .hasMessageContaining("150");

    assertThat(call("generate_canary", CANARY.formatted(25)).get("route").asString())
        .isEqualTo("task-api/task-api-canary");
  }

  @Test
  @DisplayName("an argument the schema does not know is refused by name")
  void refusesUnknownArgument() {
    String arguments = CANARY.formatted(5).replace("\"port\"", "\"weights\": 5, \"port\"");

    assertThatThrownBy(() -> call("generate_canary", arguments))
        .isInstanceOf(ToolExecutionException.class)
        .hasMessageContaining("weights");
  }

  @Test
  @DisplayName("generate_blue_green switches all traffic to the active color")
  void generatesBlueGreen() {
    JsonNode result =
        call(
            "generate_blue_green",
            """
            {"namespace": "task-api", "gateway": "task-api-gateway", "blueService": "task-api-blue",
             "greenService": "task-api-green", "port": 8080, "active": "green"}
            """);

    assertThat(result.get("yaml").asString()).contains("task-api-blue", "task-api-green");
    assertThat(result.get("commands").size()).isPositive();
  }

  @Test
  @DisplayName("generate_ab_test puts the header rule first")
  void generatesAbTest() {
    JsonNode result =
        call(
            "generate_ab_test",
            """
            {"namespace": "task-api", "gateway": "task-api-gateway", "stableService": "task-api-stable",
             "testService": "task-api-b", "port": 8080, "header": {"name": "x-variant", "value": "b"}}
            """);

    assertThat(result.at("/split/0/when").asString()).contains("x-variant");
  }

  @Test
  @DisplayName("add_premium_rule protects premium requests in an existing route")
  void addsPremiumRule() {
    String route = call("generate_canary", CANARY.formatted(5)).get("yaml").asString();

    JsonNode result =
        call(
            "add_premium_rule",
            JSON.writeValueAsString(Map.of("routeYaml", route, "service", "task-api-stable")));

    assertThat(result.get("yaml").asString()).contains("x-api-tier", "premium");
  }

  @Test
  @DisplayName("plan_rollout returns one stage per default percentage")
  void plansRollout() {
    JsonNode result =
        call(
            "plan_rollout",
            """
            {"namespace": "task-api", "gateway": "task-api-gateway", "stableService": "task-api-stable",
             "canaryService": "task-api-canary", "port": 8080}
            """);

    assertThat(result.get("stages").size()).isEqualTo(4);
    assertThat(result.at("/stages/0/canaryPercent").asInt()).isEqualTo(5);
  }

  @Test
  @DisplayName("rollback_patch returns the guarded patch and commands as structured content")
  void rollsBack() {
    String route = call("generate_canary", CANARY.formatted(10)).get("yaml").asString();

    JsonNode result = call("rollback_patch", JSON.writeValueAsString(Map.of("routeYaml", route)));

    assertThat(result.get("patchType").asString()).isEqualTo("json");
    assertThat(result.get("service").asString()).isEqualTo("task-api-canary");
    assertThat(result.get("command").asString())
        .startsWith("kubectl patch httproute task-api-canary -n task-api --type=json -p '");
    assertThat(result.get("dryRunCommand").asString()).contains("--dry-run=server");
    assertThat(result.at("/cleanup/0/destructive").asBoolean()).isTrue();
    assertThat(result.get("patch").valueStream().map(op -> op.get("op").asString()))
        .contains("test", "replace");
  }

  @Test
  @DisplayName("rollback_patch without a certain canary refuses, listing the choices")
  void rollbackAsksForTheCanary() {
    String route =
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: app, namespace: app}
        spec:
          rules:
          - backendRefs:
            - {name: app-v1, port: 80, weight: 50}
            - {name: app-v2, port: 80, weight: 50}
        """;

    assertThatThrownBy(
            () -> call("rollback_patch", JSON.writeValueAsString(Map.of("routeYaml", route))))
        .isInstanceOf(ToolExecutionException.class)
        .hasMessageContaining("no backend is certainly the canary")
        .hasMessageContaining(
            "canaryService: \"app-v1\" -> rule 0: app-v1 50 -> 0, app-v2 50 -> 100")
        .hasMessageContaining("to: \"app-v2\" -> rule 0: app-v1 50 -> 0, app-v2 50 -> 100");
  }

  @Test
  @DisplayName("decision_framework recommends a pattern and the tool to call next")
  void decides() {
    JsonNode result =
        call("decision_framework", "{\"instantSwitch\": true, \"gradualRiskReduction\": false}");

    assertThat(result.get("pattern").asString()).isEqualTo("blue-green");
    assertThat(result.get("nextTool").asString()).isEqualTo("generate_blue_green");
  }

  @Test
  @DisplayName("validate_route finds the lesson's typo and passes the generated route")
  void validatesRoutes() {
    String route = call("generate_canary", CANARY.formatted(5)).get("yaml").asString();
    JsonNode clean = call("validate_route", JSON.writeValueAsString(Map.of("yaml", route)));
    String typo = route.replace("backendRefs:", "backendRef:");
    JsonNode broken = call("validate_route", JSON.writeValueAsString(Map.of("yaml", typo)));

    assertThat(clean.get("valid").asBoolean()).isTrue();
    assertThat(clean.get("findings").size()).isZero();
    assertThat(broken.get("valid").asBoolean()).isFalse();
    assertThat(broken.at("/findings/0/code").asString()).isEqualTo("TE103");
    assertThat(broken.at("/findings/0/fix").asString()).contains("backendRefs");
  }

  @Test
  @DisplayName("validate_route refuses hostile input with TE101 and the server serves on")
  void survivesHostileInput() {
    String deep = "[".repeat(100_000);
    JsonNode refused = call("validate_route", JSON.writeValueAsString(Map.of("yaml", deep)));
    JsonNode next = call("generate_canary", CANARY.formatted(5));

    assertThat(refused.get("valid").asBoolean()).isFalse();
    assertThat(refused.at("/findings/0/code").asString()).isEqualTo("TE101");
    assertThat(next.get("yaml").asString()).contains("weight: 5");
  }

  @Test
  @DisplayName(
      "simulate_traffic shows where a premium request goes, with exact shares and a sample")
  void simulatesTraffic() {
    String route = call("generate_canary", CANARY.formatted(5)).get("yaml").asString();
    Map<String, Object> arguments =
        Map.of(
            "yaml",
            route,
            "requests",
            List.of(
                Map.of("path", "/api/tasks"),
                Map.of("path", "/api", "headers", Map.of("x-api-tier", "premium"))),
            "sample",
            Map.of("count", 1000, "seed", 42));

    JsonNode result = call("simulate_traffic", JSON.writeValueAsString(arguments));

    assertThat(result.at("/results/0/route").asString()).isEqualTo("task-api/task-api-canary");
    assertThat(result.at("/results/0/status").asInt()).isEqualTo(200);
    assertThat(result.at("/results/0/backends/1/share").asDouble()).isEqualTo(0.05);
    assertThat(result.at("/results/0/counts/task-api-canary").asLong()).isBetween(20L, 90L);
    assertThat(result.at("/results/0/reasons").size()).isPositive();
  }

  @Test
  @DisplayName("compare_routes marks what a change introduces, with the failing share")
  void comparesRoutes() {
    String gateway =
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: task-api-gateway, namespace: task-api}
        spec:
          gatewayClassName: example
          listeners: [{name: http, port: 80, protocol: HTTP}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: task-api-stable, namespace: task-api}
        spec: {ports: [{port: 8000}]}
        ---
        """;
    String canaryService =
        """
        apiVersion: v1
        kind: Service
        metadata: {name: task-api-canary, namespace: task-api}
        spec: {ports: [{port: 8000}]}
        ---
        """;
    String route = call("generate_canary", CANARY.formatted(5)).get("yaml").asString();
    String before = gateway + canaryService + route;
    String after = gateway + route;

    JsonNode result =
        call("compare_routes", JSON.writeValueAsString(Map.of("before", before, "after", after)));

    assertThat(result.get("valid").asBoolean()).isFalse();
    assertThat(result.at("/findings/0/change").asString()).isEqualTo("introduced");
    assertThat(result.at("/findings/0/code").asString()).isEqualTo("TE505");
    assertThat(result.at("/findings/0/impact").asDouble()).isEqualTo(0.05);
  }

  @Test
  @DisplayName("simulate_traffic refuses a request without a path by name")
  void simulateRefusesMissingPath() {
    String route = call("generate_canary", CANARY.formatted(5)).get("yaml").asString();
    String arguments =
        JSON.writeValueAsString(
            Map.of("yaml", route, "requests", List.of(Map.of("method", "GET"))));

    assertThatThrownBy(() -> call("simulate_traffic", arguments))
        .isInstanceOf(ToolExecutionException.class)
        .hasMessageContaining("path");
  }

  @Test
  @DisplayName("monitoring_queries returns the lesson's PromQL for the namespace")
  void monitoringQueries() {
    JsonNode result = call("monitoring_queries", "{\"namespace\": \"task-api\"}");

    assertThat(result.at("/queries/0/query").asString())
        .contains("http_requests_total{namespace=\"task-api\",status=~\"5..\"}[5m]");
    assertThat(result.get("compareVersionsScript").asString()).contains("traffic-engineer analyze");
  }

  @Test
  @DisplayName("analyze_canary rolls back the lesson's 3 vs 12 errors with the route's command")
  void analyzesCanary() {
    String route = call("generate_canary", CANARY.formatted(5)).get("yaml").asString();
    Map<String, Object> arguments =
        Map.of(
            "stable", Map.of("requests", 100, "errors", 3),
            "canary", Map.of("requests", 100, "errors", 12, "p99Ms", 120.5),
            "routeYaml", route);

    JsonNode result = call("analyze_canary", JSON.writeValueAsString(arguments));

    assertThat(result.get("verdict").asString()).isEqualTo("rollback");
    assertThat(result.at("/numbers/canaryErrorRate").asDouble()).isEqualTo(0.12);
    assertThat(result.at("/numbers/latencyRatio").isNull()).isTrue();
    assertThat(result.get("rollbackCommand").asString())
        .startsWith("kubectl patch httproute task-api-canary -n task-api --type=json");
  }

  @Test
  @DisplayName("analyze_canary with declared weights and buckets: share, sample and tail conform")
  void analyzesDataPlane() {
    ObjectNode arguments =
        (ObjectNode)
            JSON.readTree(TestFiles.read("analysis/verdicts/tail-regression-hidden-by-p99.json"))
                .get("request");
    arguments.putObject("declared").put("stable", 5).put("canary", 1);

    JsonNode result = call("analyze_canary", JSON.writeValueAsString(arguments));

    assertThat(result.get("verdict").asString()).isEqualTo("rollback");
    assertThat(result.get("cause").asString()).isEqualTo("latency");
    assertThat(result.at("/share/mismatch").asBoolean()).isFalse();
    assertThat(result.at("/sampleSize/needed").asLong()).isEqualTo(100);
    assertThat(result.at("/tail/regression").asBoolean()).isTrue();
    assertThat(result.at("/reasons/0/effect").asString()).isEqualTo("rollback");
  }

  @Test
  @DisplayName("simulate_traffic with a session model returns the shares users get")
  void simulatesSessions() {
    Map<String, Object> arguments =
        Map.of(
            "yaml",
            TestFiles.read("simulate/sessions/canary-session-persistence.yaml"),
            "requests",
            List.of(Map.of("path", "/")),
            "sessions",
            Map.of(
                "users",
                1000,
                "requestsPerUser",
                20,
                "newWeights",
                Map.of("task-api-stable", 0, "task-api-canary", 100)));

    JsonNode result = call("simulate_traffic", JSON.writeValueAsString(arguments));

    assertThat(result.at("/sessions/pinning").asString()).isEqualTo("sessionPersistence");
    assertThat(result.at("/sessions/afterChangeReturning/1/requestShare").asDouble())
        .isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(result.at("/sessions/afterChangeNew/1/requestShare").asDouble()).isEqualTo(1.0);
  }

  @Test
  @DisplayName("analyze_canary refuses a query name that would inject PromQL")
  void refusesInjection() {
    String arguments =
        "{\"prometheusUrl\": \"http://127.0.0.1:9\", \"queries\": {\"namespace\": \"task-api\","
            + " \"window\": \"5m]) or vector(1) #\"}}";

    assertThatThrownBy(() -> call("analyze_canary", arguments))
        .isInstanceOf(ToolExecutionException.class)
        .hasMessageContaining("window");
  }

  private static JsonNode call(String tool, String arguments) {
    ToolExecutionResult result =
        client.executeTool(ToolExecutionRequest.builder().name(tool).arguments(arguments).build());
    assertThat(result.isError()).isFalse();
    return JSON.readTree(result.resultText());
  }
}
