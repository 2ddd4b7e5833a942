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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
  @DisplayName("lists all seven tools with their schemas, titles and read-only annotations")
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
            "decision_framework");
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
          .containsEntry(McpToolMetadataKeys.OPEN_WORLD_HINT, false);
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
  @DisplayName("rollback_patch without a canary to infer asks for one, listing the candidates")
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
        .hasMessageContaining("canaryService")
        .hasMessageContaining("app-v1, app-v2");
  }

  @Test
  @DisplayName("decision_framework recommends a pattern and the tool to call next")
  void decides() {
    JsonNode result =
        call("decision_framework", "{\"instantSwitch\": true, \"gradualRiskReduction\": false}");

    assertThat(result.get("pattern").asString()).isEqualTo("blue-green");
    assertThat(result.get("nextTool").asString()).isEqualTo("generate_blue_green");
  }

  private static JsonNode call(String tool, String arguments) {
    ToolExecutionResult result =
        client.executeTool(ToolExecutionRequest.builder().name(tool).arguments(arguments).build());
    assertThat(result.isError()).isFalse();
    return JSON.readTree(result.resultText());
  }
}
