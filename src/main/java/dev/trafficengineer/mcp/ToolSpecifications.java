package dev.trafficengineer.mcp;

import dev.trafficengineer.core.input.InvalidInputException;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a {@link CoreTool} into what the SDK serves: the tool with its schemas and annotations, and
 * a handler that binds the arguments, calls the core and shapes the result. A refused or failed
 * call is a tool result with {@code isError}, never a protocol error: the assistant can read it and
 * correct the call.
 */
final class ToolSpecifications {
  /**
   * How result records become structured content. The command line's {@code -o json} must print the
   * same serialization: one operation, two front ends.
   */
  static final JsonMapper RESULT_JSON = JsonMapper.builder().build();

  private static final Logger LOG = LoggerFactory.getLogger(ToolSpecifications.class);
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  /**
   * Most tools only compute text from their arguments; the ones that may read from a server the
   * caller names (analyze_canary with prometheusUrl, the cluster tools) say so with openWorldHint.
   * Only the cluster write tools change anything, and every one of them is idempotent: a second
   * identical call finds nothing left to change.
   */
  private static ToolAnnotations annotations(CoreTool<?, ?> tool) {
    return ToolAnnotations.builder()
        .readOnlyHint(!tool.writes())
        .destructiveHint(tool.writes())
        .idempotentHint(true)
        .openWorldHint(tool.openWorld())
        .build();
  }

  private ToolSpecifications() {}

  static List<SyncToolSpecification> all(McpJsonMapper json) {
    return all(json, ToolCatalog.TOOLS);
  }

  static List<SyncToolSpecification> all(McpJsonMapper json, List<CoreTool<?, ?>> tools) {
    return tools.stream().map(tool -> of(tool, json)).toList();
  }

  /** The same tools for a server that keeps no session. */
  static List<McpStatelessServerFeatures.SyncToolSpecification> stateless(McpJsonMapper json) {
    return stateless(json, ToolCatalog.TOOLS);
  }

  static List<McpStatelessServerFeatures.SyncToolSpecification> stateless(
      McpJsonMapper json, List<CoreTool<?, ?>> tools) {
    return tools.stream().map(tool -> statelessOf(tool, json)).toList();
  }

  static Tool tool(CoreTool<?, ?> tool, McpJsonMapper json) {
    return Tool.builder()
        .name(tool.name())
        .title(tool.title())
        .description(tool.description())
        .inputSchema(json, ToolSchemas.input(tool))
        .outputSchema(json, ToolSchemas.output(tool))
        .annotations(annotations(tool))
        .build();
  }

  static <I extends Record, O extends Record> SyncToolSpecification of(
      CoreTool<I, O> tool, McpJsonMapper json) {
    Tool described = tool(tool, json);
    List<String> required = requiredArguments(described);
    return SyncToolSpecification.builder()
        .tool(described)
        .callHandler((exchange, request) -> call(tool, required, request.arguments()))
        .build();
  }

  static <I extends Record, O extends Record>
      McpStatelessServerFeatures.SyncToolSpecification statelessOf(
          CoreTool<I, O> tool, McpJsonMapper json) {
    Tool described = tool(tool, json);
    List<String> required = requiredArguments(described);
    return McpStatelessServerFeatures.SyncToolSpecification.builder()
        .tool(described)
        .callHandler((context, request) -> call(tool, required, request.arguments()))
        .build();
  }

  static List<String> requiredArguments(Tool tool) {
    Object required = tool.inputSchema().get("required");
    return required instanceof List<?> names
        ? names.stream().map(String::valueOf).toList()
        : List.of();
  }

  static <I extends Record, O extends Record> CallToolResult call(
      CoreTool<I, O> tool, List<String> required, Map<String, Object> arguments) {
    try {
      O result = tool.call(ArgumentBinder.bind(arguments, tool.requestType(), required));
      return CallToolResult.builder()
          .addTextContent(tool.text(result))
          .structuredContent(RESULT_JSON.convertValue(result, OBJECT))
          .isError(false)
          .build();
    } catch (InvalidInputException e) {
      return error(e.getMessage());
    } catch (RuntimeException e) {
      String refused = tool.failure(e);
      if (refused != null) {
        return error(refused);
      }
      LOG.error("{} failed", tool.name(), e);
      return error(
          tool.name()
              + " failed inside traffic-engineer ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + abbreviate(e.getMessage()))
              + "). The arguments may well be fine; the server log on stderr has the details.");
    }
  }

  /**
   * Text only: clients such as langchain4j-mcp show structured content in place of the text when
   * there is any, and the message is what the assistant must read.
   */
  private static CallToolResult error(String message) {
    return CallToolResult.builder().addTextContent(message).isError(true).build();
  }

  private static String abbreviate(String message) {
    return message.length() > 200 ? message.substring(0, 197) + "..." : message;
  }
}
