package dev.trafficengineer.chat;

import dev.trafficengineer.mcp.Caller;
import dev.trafficengineer.mcp.Operation;
import dev.trafficengineer.mcp.Operation.Outcome;
import java.util.function.Function;

/**
 * A tool the model may call: what the model reads about it, whether it changes things, and the call
 * itself. Built from the same {@link Operation}s the MCP server offers; a change is approved by the
 * person inside the call, where it can be restated in one line.
 */
record ChatTool(
    String name,
    String description,
    String inputSchema,
    boolean readOnly,
    Function<String, Outcome> call) {

  /**
   * @param caller the person at the terminal, who approves each change
   */
  static ChatTool of(Operation operation, Caller caller) {
    return new ChatTool(
        operation.name(),
        operation.description(),
        operation.inputSchema(),
        operation.readOnly(),
        arguments -> operation.call(arguments, caller));
  }
}
