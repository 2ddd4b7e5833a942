package dev.trafficengineer.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link CoreTool} into what the SDK serves: the tool with its schemas and annotations, and
 * a handler that binds the arguments, calls the core and shapes the result. A refused or failed
 * call is a tool result with {@code isError}, never a protocol error: the assistant can read it and
 * correct the call.
 */
final class ToolSpecifications {
  /**
   * Each tool says whether it changes anything ({@link CoreTool#readOnly()}); most only compute
   * text from their arguments, and the ones that may read from a server the caller names
   * (analyze_canary with prometheusUrl) say so with openWorldHint.
   */
  private static ToolAnnotations annotations(CoreTool<?, ?> tool) {
    return ToolAnnotations.builder()
        .readOnlyHint(tool.readOnly())
        .destructiveHint(tool.destructive())
        .idempotentHint(true)
        .openWorldHint(tool.openWorld())
        .build();
  }

  private ToolSpecifications() {}

  static List<SyncToolSpecification> all(McpJsonMapper json) {
    return all(json, ToolCatalog.TOOLS);
  }

  static List<SyncToolSpecification> all(McpJsonMapper json, List<CoreTool<?, ?>> tools) {
    return tools.stream().map(tool -> of(tool, json, null)).toList();
  }

  /** The tools of {@code selection}, each call recorded in its audit trail. */
  static List<SyncToolSpecification> all(McpJsonMapper json, ToolSelection selection) {
    return selection.tools().stream().map(tool -> of(tool, json, selection.audit())).toList();
  }

  /** The same tools for a server that keeps no session. */
  static List<McpStatelessServerFeatures.SyncToolSpecification> stateless(McpJsonMapper json) {
    return stateless(json, ToolCatalog.TOOLS);
  }

  static List<McpStatelessServerFeatures.SyncToolSpecification> stateless(
      McpJsonMapper json, List<CoreTool<?, ?>> tools) {
    return tools.stream().map(tool -> statelessOf(tool, json, null)).toList();
  }

  static List<McpStatelessServerFeatures.SyncToolSpecification> stateless(
      McpJsonMapper json, ToolSelection selection) {
    return selection.tools().stream()
        .map(tool -> statelessOf(tool, json, selection.audit()))
        .toList();
  }

  static Tool tool(CoreTool<?, ?> tool, McpJsonMapper json) {
    return Tool.builder()
        .name(tool.name())
        .title(tool.title())
        .description(tool.description())
        .inputSchema(json, ToolSchemas.input(tool))
        .outputSchema(json, ToolSchemas.output(tool))
        .annotations(annotations(tool))
        .meta(RolloutView.toolMeta(tool.name()))
        .build();
  }

  static <I extends Record, O extends Record> SyncToolSpecification of(
      CoreTool<I, O> tool, McpJsonMapper json) {
    return of(tool, json, null);
  }

  /**
   * The caller is the session's client: its name goes to the audit trail, and when it declared form
   * elicitation a write can ask its person to approve.
   */
  static <I extends Record, O extends Record> SyncToolSpecification of(
      CoreTool<I, O> tool, McpJsonMapper json, AuditTrail audit) {
    Tool described = tool(tool, json);
    List<String> required = requiredArguments(described);
    return SyncToolSpecification.builder()
        .tool(described)
        .callHandler(
            (exchange, request) ->
                result(
                    tool,
                    Operation.run(
                        tool, required, request.arguments(), FormApproval.caller(exchange), audit),
                    RolloutView.shownBy(exchange.getClientCapabilities())))
        .build();
  }

  /**
   * A stateless server cannot send the client a request mid-call, so nobody can be asked: its
   * writes are applied only with {@code --confirm=token}.
   */
  static <I extends Record, O extends Record>
      McpStatelessServerFeatures.SyncToolSpecification statelessOf(
          CoreTool<I, O> tool, McpJsonMapper json, AuditTrail audit) {
    Tool described = tool(tool, json);
    List<String> required = requiredArguments(described);
    return McpStatelessServerFeatures.SyncToolSpecification.builder()
        .tool(described)
        .callHandler(
            (context, request) ->
                result(
                    tool,
                    Operation.run(tool, required, request.arguments(), Caller.unknown(), audit),
                    false))
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
    return result(tool, Operation.run(tool, required, arguments), false);
  }

  /**
   * The result of one call. A client that shows the rollout view ({@code viewShown}) gets a short
   * text for the tools the view shows, since the view draws the whole result; every other client
   * gets the full text.
   */
  private static CallToolResult result(
      CoreTool<?, ?> tool, Operation.Outcome outcome, boolean viewShown) {
    if (outcome.isError()) {
      return error(outcome.text());
    }
    boolean shortText = viewShown && RolloutView.LINKED.contains(tool.name());
    return CallToolResult.builder()
        .addTextContent(shortText ? RolloutView.shortText(outcome.text()) : outcome.text())
        .structuredContent(outcome.structured())
        .isError(false)
        .build();
  }

  /**
   * Text only: clients such as langchain4j-mcp show structured content in place of the text when
   * there is any, and the message is what the assistant must read.
   */
  private static CallToolResult error(String message) {
    return CallToolResult.builder().addTextContent(message).isError(true).build();
  }
}
