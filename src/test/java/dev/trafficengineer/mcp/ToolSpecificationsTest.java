package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.generate.Decision;
import dev.trafficengineer.core.generate.DecisionRequest;
import dev.trafficengineer.core.input.InvalidInputException;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("ToolSpecifications")
class ToolSpecificationsTest {
  private static final McpJsonMapper JSON = new JacksonMcpJsonMapper(JsonMapper.builder().build());
  private static final Map<String, Object> CANARY =
      Map.of(
          "namespace", "task-api",
          "gateway", "task-api-gateway",
          "stableService", "task-api-stable",
          "canaryService", "task-api-canary",
          "port", 8080,
          "canaryWeight", 5);

  @Test
  @DisplayName(
      "every tool has a title, schemas and the four annotations; only analyze_canary"
          + " reaches out")
  void describesEveryTool() {
    for (CoreTool<?, ?> tool : ToolCatalog.TOOLS) {
      Tool described = ToolSpecifications.tool(tool, JSON);

      assertThat(described.title()).as(tool.name()).isNotBlank();
      assertThat(described.description()).as(tool.name()).isNotBlank();
      assertThat(described.inputSchema()).as(tool.name()).containsEntry("type", "object");
      assertThat(described.outputSchema()).as(tool.name()).containsEntry("type", "object");
      assertThat(described.annotations().readOnlyHint()).isTrue();
      assertThat(described.annotations().destructiveHint()).isFalse();
      assertThat(described.annotations().idempotentHint()).isTrue();
      assertThat(described.annotations().openWorldHint())
          .as(tool.name())
          .isEqualTo(tool.name().equals("analyze_canary"));
    }
  }

  @Test
  @DisplayName("a result is readable text and the result record as structured content")
  void shapesResult() {
    CallToolResult result = call(new GenerateCanaryTool(), CANARY);

    assertThat(result.isError()).isFalse();
    assertThat(text(result))
        .startsWith("HTTPRoute task-api/task-api-canary")
        .contains("weight: 5", "Commands:", "kubectl apply --dry-run=server");
    @SuppressWarnings("unchecked")
    Map<String, Object> structured = (Map<String, Object>) result.structuredContent();
    assertThat(structured)
        .containsEntry("route", "task-api/task-api-canary")
        .containsKeys("yaml", "split", "commands", "notes");
  }

  @Test
  @DisplayName("a refused input is an error result carrying the core's message")
  void refusesInput() {
    Map<String, Object> arguments = new java.util.HashMap<>(CANARY);
    arguments.put("canaryWeight", 150);

    CallToolResult result = call(new GenerateCanaryTool(), arguments);

    assertThat(result.isError()).isTrue();
    assertThat(result.structuredContent()).isNull();
    assertThat(text(result)).isEqualTo("canaryWeight: 150 is not a percentage (0 to 100)");
  }

  @Test
  @DisplayName("a missing required argument is refused before the core is called")
  void refusesMissingArgument() {
    Map<String, Object> arguments = new java.util.HashMap<>(CANARY);
    arguments.remove("port");

    CallToolResult result = call(new GenerateCanaryTool(), arguments);

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).isEqualTo("port: (missing) is required");
  }

  @Test
  @DisplayName("an unexpected failure is a short error result, not an exception")
  void reportsFailure() {
    CoreTool<DecisionRequest, Decision> broken =
        new CoreTool<>("broken", "Broken", DecisionRequest.class, Decision.class) {
          @Override
          String description() {
            return "fails";
          }

          @Override
          Decision call(DecisionRequest request) {
            throw new IllegalStateException("boom");
          }

          @Override
          String text(Decision result) {
            return "";
          }
        };

    CallToolResult result = ToolSpecifications.call(broken, List.of(), Map.of());

    assertThat(result.isError()).isTrue();
    assertThat(text(result)).startsWith("broken failed").contains("IllegalStateException: boom");
  }

  @Test
  @DisplayName("an invalid input thrown by the core is reported, not logged as a failure")
  void passesOnCoreRefusal() {
    CoreTool<DecisionRequest, Decision> strict =
        new CoreTool<>("strict", "Strict", DecisionRequest.class, Decision.class) {
          @Override
          String description() {
            return "refuses";
          }

          @Override
          Decision call(DecisionRequest request) {
            throw new InvalidInputException("compliance", true, "needs a header to work with");
          }

          @Override
          String text(Decision result) {
            return "";
          }
        };

    CallToolResult result = ToolSpecifications.call(strict, List.of(), Map.of());

    assertThat(text(result)).isEqualTo("compliance: true needs a header to work with");
  }

  private static <I extends Record, O extends Record> CallToolResult call(
      CoreTool<I, O> tool, Map<String, Object> arguments) {
    return ToolSpecifications.call(
        tool, ToolSpecifications.requiredArguments(ToolSpecifications.tool(tool, JSON)), arguments);
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }
}
