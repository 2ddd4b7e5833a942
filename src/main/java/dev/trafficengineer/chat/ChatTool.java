package dev.trafficengineer.chat;

import dev.trafficengineer.mcp.Operation;
import dev.trafficengineer.mcp.Operation.Outcome;
import java.util.function.Function;

/**
 * A tool the model may call: what the model reads about it, whether it needs the person's
 * confirmation, and the call itself. Built from the same {@link Operation}s the MCP server offers.
 */
record ChatTool(
    String name,
    String description,
    String inputSchema,
    boolean readOnly,
    boolean destructive,
    Function<String, Outcome> call) {

  static ChatTool of(Operation operation) {
    return new ChatTool(
        operation.name(),
        operation.description(),
        operation.inputSchema(),
        operation.readOnly(),
        operation.destructive(),
        operation::call);
  }
}
