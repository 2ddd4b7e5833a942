package dev.trafficengineer.chat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.trafficengineer.core.Json;
import dev.trafficengineer.mcp.Operation.Outcome;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a tool the model called and shows it on the terminal as it happens: the call with its
 * arguments, then a one-line summary of the result. A change is applied only after the person
 * answers yes to it restated in one line ({@link TerminalApproval}, asked inside the call); a
 * refusal, theirs or the tool's, goes back to the model as an error it can act on.
 */
final class TracedTool implements ToolExecutor {
  private static final JsonMapper JSON = Json.MAPPER;
  private static final int ARGUMENTS_SHOWN = 300;
  private static final int VALUE_SHOWN = 60;
  private static final int SUMMARY_SHOWN = 120;

  private final ChatTool tool;
  private final Terminal terminal;

  TracedTool(ChatTool tool, Terminal terminal) {
    this.tool = tool;
    this.terminal = terminal;
  }

  @Override
  public String execute(ToolExecutionRequest request, Object memoryId) {
    return executeWithContext(request, null).resultText();
  }

  @Override
  public ToolExecutionResult executeWithContext(
      ToolExecutionRequest request, InvocationContext context) {
    String arguments = request.arguments();
    terminal.note("  [tool] " + tool.name() + " " + shown(arguments) + "\n");
    Outcome outcome = tool.call().apply(arguments);
    terminal.note(
        "  [tool] "
            + tool.name()
            + (outcome.isError() ? " refused: " : " -> ")
            + summary(outcome.text())
            + "\n");
    return result(outcome.isError(), outcome.text());
  }

  private static ToolExecutionResult result(boolean isError, String text) {
    return ToolExecutionResult.builder().isError(isError).resultText(text).build();
  }

  /** The first line (a refusal's message, a result's headline) and how long the whole text is. */
  static String summary(String text) {
    String[] lines = text.strip().split("\n");
    String first = abbreviate(lines[0].strip(), SUMMARY_SHOWN);
    return lines.length == 1 ? first : first + " (" + lines.length + " lines)";
  }

  /**
   * The arguments as {@code name=value} pairs, each value cut short, so that a pasted route does
   * not push the weights out of sight. Arguments that are not a JSON object are shown as sent.
   */
  static String shown(String arguments) {
    String text = arguments == null ? "" : arguments;
    try {
      JsonNode node = JSON.readTree(text);
      if (node.isObject()) {
        text =
            node.properties().stream()
                .map(
                    entry ->
                        entry.getKey()
                            + "="
                            + abbreviate(
                                entry.getValue().isString()
                                    ? entry.getValue().asString()
                                    : entry.getValue().toString(),
                                VALUE_SHOWN))
                .collect(Collectors.joining(" "));
      }
    } catch (JacksonException e) {
      // Shown as sent: the tool's own refusal will say what is wrong with it.
    }
    return abbreviate(text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " "), ARGUMENTS_SHOWN);
  }

  private static String abbreviate(String text, int length) {
    return text.length() > length ? text.substring(0, length - 3) + "..." : text;
  }
}
