package dev.trafficengineer.chat;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.trafficengineer.mcp.Caller;
import dev.trafficengineer.mcp.Operation;
import dev.trafficengineer.mcp.ToolSelection;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code traffic-engineer chat}: a conversation on the terminal with a model that calls the
 * traffic-engineer tools. The model plans, the tools compute and check, the person confirms.
 */
public final class TerminalChat {
  static final int EXIT_OK = 0;
  static final int EXIT_USAGE = 2;

  /** The session ended on a model call that failed: like an unreachable Prometheus, exit 2. */
  static final int EXIT_MODEL_FAILED = 2;

  /** Enough for a few rounds of questions, tool calls and their YAML; older turns drop out. */
  private static final int MEMORY_MESSAGES = 60;

  /** A small local model can loop on a tool; this many calls for one message is plenty. */
  private static final int MAX_TOOL_CALLS = 20;

  private final Terminal terminal;
  private final Assistant assistant;

  private TerminalChat(Terminal terminal, Assistant assistant) {
    this.terminal = terminal;
    this.assistant = assistant;
  }

  /**
   * Talks until {@code /exit} or the end of input and returns the exit code: 0, or 2 when the
   * settings name no usable model (after saying on {@code err} what to set) or when the last model
   * call failed.
   *
   * @param env the environment the API key is read from
   */
  public static int run(
      ChatSettings settings,
      Map<String, String> env,
      InputStream in,
      PrintStream out,
      PrintStream err) {
    return run(settings, ToolSelection.offline(), env, in, out, err);
  }

  /** The same with {@code tools} in place of the offline catalog (the cluster tools too). */
  public static int run(
      ChatSettings settings,
      ToolSelection tools,
      Map<String, String> env,
      InputStream in,
      PrintStream out,
      PrintStream err) {
    Terminal terminal = new Terminal(in, out, err);
    ModelConnection.Resolution resolution = ModelConnection.resolve(settings, env);
    if (resolution.connection() == null) {
      terminal.note(
          "error: chat needs "
              + resolution.needs()
              + ". Set:\n  "
              + String.join("\n  ", resolution.missing())
              + "\nExample: traffic-engineer chat --base-url http://localhost:11434/v1"
              + " --model qwen2.5\n");
      return EXIT_USAGE;
    }
    ModelConnection connection = resolution.connection();
    List<ChatTool> offered = offered(tools, settings.readOnly(), terminal);
    ChatModel model = ChatModels.create(connection, settings.timeout());
    TerminalChat chat = new TerminalChat(terminal, assistant(model, offered, terminal));
    terminal.note(
        "traffic-engineer chat: "
            + connection.model()
            + " at "
            + connection.baseUrl()
            + ", "
            + offered.size()
            + (settings.readOnly() ? " read-only" : "")
            + " tools. /exit or Ctrl-D ends.\n");
    boolean lastCallFailed = chat.converse(connection.baseUrl());
    return lastCallFailed ? EXIT_MODEL_FAILED : EXIT_OK;
  }

  static List<ChatTool> offered(ToolSelection selection, boolean readOnly, Terminal terminal) {
    Caller person = new Caller("chat", new TerminalApproval(terminal));
    return Operation.all(selection).stream()
        .map(operation -> ChatTool.of(operation, person))
        .filter(tool -> tool.readOnly() || !readOnly)
        .toList();
  }

  static Assistant assistant(ChatModel model, List<ChatTool> tools, Terminal terminal) {
    Map<ToolSpecification, ToolExecutor> executors = new LinkedHashMap<>();
    for (ChatTool tool : tools) {
      executors.put(ToolSpecs.of(tool), new TracedTool(tool, terminal));
    }
    String names = tools.stream().map(ChatTool::name).collect(Collectors.joining(", "));
    // The system message goes into the memory as it is: given to AiServices, it would be read as a
    // prompt template, and the skill's "{{ placeholders }}" would be taken for a variable.
    ChatMemory memory = MessageWindowChatMemory.withMaxMessages(MEMORY_MESSAGES);
    memory.add(SystemMessage.from(SystemPrompt.text()));
    return AiServices.builder(Assistant.class)
        .chatModel(model)
        .chatMemory(memory)
        .tools(executors)
        .maxSequentialToolsInvocations(MAX_TOOL_CALLS)
        .hallucinatedToolNameStrategy(
            request ->
                ToolExecutionResultMessage.from(
                    request,
                    "There is no tool named " + request.name() + ". The tools are: " + names))
        .build();
  }

  /** Returns whether the last model call failed, so that a script sees the failure. */
  private boolean converse(String url) {
    boolean lastCallFailed = false;
    String line;
    while ((line = terminal.ask("> ")) != null) {
      String message = line.strip();
      if (message.equals("/exit")) {
        break;
      }
      if (message.isEmpty()) {
        continue;
      }
      try {
        terminal.say(assistant.chat(TextContent.from(message)).strip() + "\n\n");
        lastCallFailed = false;
      } catch (RuntimeException e) {
        // A model that is down or refuses the request should not end the session: the person may
        // start the server or fix the key and try again.
        terminal.note("error: the model call to " + url + " failed: " + describe(e) + "\n");
        lastCallFailed = true;
      }
    }
    return lastCallFailed;
  }

  /** The reason of the deepest cause that gives one; a refused connection says so in words. */
  private static String describe(RuntimeException e) {
    // The HTTP client's wrappers carry the cause's class name as their message.
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException) {
        return "connection refused (is the model server running?)";
      }
    }
    Throwable cause = e;
    while (cause.getCause() != null && cause.getMessage() == null) {
      cause = cause.getCause();
    }
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
