package dev.trafficengineer.mcp;

import dev.trafficengineer.core.Json;
import dev.trafficengineer.core.input.InvalidInputException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tool as a front end other than the MCP server offers it (the chat adapter): the name,
 * description and input schema that {@code tools/list} serves, and a call that binds the arguments,
 * calls the core and reports a refusal exactly as the MCP tool does. It names no MCP SDK type, so
 * an adapter using it loads no SDK class.
 */
public final class Operation {
  /**
   * How result records become structured content. The command line's {@code -o json} must print the
   * same serialization: one operation, two front ends.
   */
  static final JsonMapper RESULT_JSON = Json.MAPPER;

  private static final Logger LOG = LoggerFactory.getLogger(Operation.class);
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final CoreTool<?, ?> tool;
  private final String inputSchema;
  private final List<String> required;
  private final AuditTrail audit;

  private Operation(CoreTool<?, ?> tool, AuditTrail audit) {
    this.tool = tool;
    this.audit = audit;
    this.inputSchema = ToolSchemas.input(tool);
    JsonNode names = RESULT_JSON.readTree(inputSchema).path("required");
    this.required = names.valueStream().map(JsonNode::asString).toList();
  }

  /** Every tool of the catalog, in the order {@code tools/list} shows them. */
  public static List<Operation> all() {
    return all(ToolSelection.offline());
  }

  /**
   * Every tool of {@code selection} (the cluster tools too, when it has them) but the rollout
   * view's own tool, which hosts hide from the model and the chat does not offer it.
   */
  public static List<Operation> all(ToolSelection selection) {
    return selection.tools().stream()
        .filter(tool -> !(tool instanceof DrawRouteTool))
        .map(tool -> new Operation(tool, selection.audit()))
        .toList();
  }

  public String name() {
    return tool.name();
  }

  public String description() {
    return tool.description();
  }

  /** The JSON Schema of the arguments, as the MCP tool declares it. */
  public String inputSchema() {
    return inputSchema;
  }

  /** Changes nothing anywhere (MCP's readOnlyHint). */
  public boolean readOnly() {
    return tool.readOnly();
  }

  /** May destroy or overwrite something (MCP's destructiveHint): ask the person first. */
  public boolean destructive() {
    return tool.destructive();
  }

  /**
   * Runs the tool with {@code arguments}, a JSON object as a model writes it. Never throws: a bad
   * argument or a failure is an error outcome whose text says what to correct.
   */
  public Outcome call(String arguments) {
    return call(arguments, Caller.unknown());
  }

  /** The same for {@code caller}, who may be asked to approve a change. */
  public Outcome call(String arguments, Caller caller) {
    Map<String, Object> parsed;
    try {
      parsed =
          arguments == null || arguments.isBlank()
              ? Map.of()
              : RESULT_JSON.readValue(arguments, OBJECT);
    } catch (JacksonException e) {
      return Outcome.error("arguments: not a JSON object (" + e.getOriginalMessage() + ")");
    }
    return run(tool, required, parsed, caller, audit);
  }

  /** Binds, calls and catches the same way for every front end. */
  static <I extends Record, O extends Record> Outcome run(
      CoreTool<I, O> tool, List<String> required, Map<String, Object> arguments) {
    return run(tool, required, arguments, Caller.unknown(), null);
  }

  /** The same, recorded in {@code audit} (null: not recorded). */
  static <I extends Record, O extends Record> Outcome run(
      CoreTool<I, O> tool,
      List<String> required,
      Map<String, Object> arguments,
      Caller caller,
      AuditTrail audit) {
    Outcome outcome = outcome(tool, required, arguments, caller);
    if (audit != null) {
      audit.record(caller.client(), tool.name(), arguments, outcome);
    }
    return outcome;
  }

  private static <I extends Record, O extends Record> Outcome outcome(
      CoreTool<I, O> tool, List<String> required, Map<String, Object> arguments, Caller caller) {
    try {
      O result = tool.call(ArgumentBinder.bind(arguments, tool.requestType(), required), caller);
      return new Outcome(tool.text(result), RESULT_JSON.convertValue(result, OBJECT), false);
    } catch (InvalidInputException e) {
      return Outcome.error(e.getMessage());
    } catch (OutOfMemoryError | StackOverflowError e) {
      // What the call held is garbage once it is abandoned: answer it and go on serving.
      LOG.error(
          "{} ran out of {}", tool.name(), e instanceof OutOfMemoryError ? "memory" : "stack");
      return Outcome.error(
          tool.name()
              + " ran out of "
              + (e instanceof OutOfMemoryError
                  ? String.format(
                      Locale.ROOT,
                      "memory (the server's heap is %,d MiB)",
                      Runtime.getRuntime().maxMemory() >> 20)
                  : "stack")
              + " on these arguments; send less at once, e.g. the routes in several calls.");
    } catch (RuntimeException e) {
      String refused = tool.failure(e);
      if (refused != null) {
        return Outcome.error(refused);
      }
      LOG.error("{} failed", tool.name(), e);
      return Outcome.error(
          tool.name()
              + " failed inside traffic-engineer ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + abbreviate(e.getMessage()))
              + "). The arguments may well be fine; the server log on stderr has the details.");
    }
  }

  private static String abbreviate(String message) {
    return message.length() > 200 ? message.substring(0, 197) + "..." : message;
  }

  /**
   * What a call returns: readable text (on error, the message naming the argument and the rule)
   * and, on success, the result record as JSON-ready maps.
   */
  public record Outcome(String text, Map<String, Object> structured, boolean isError) {
    static Outcome error(String message) {
      return new Outcome(message, null, true);
    }
  }
}
