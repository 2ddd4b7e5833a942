package dev.trafficengineer.mcp;

import dev.trafficengineer.core.Json;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * One JSON line per tool call of a server in cluster mode: when, which client, which tool and
 * route, how it ended, the resourceVersion before and after, and the patch of a write. The
 * arguments themselves are not logged: they may carry a plan token, and a token in a log is a token
 * anyone reading the log may use.
 */
public final class AuditTrail {
  private static final int MESSAGE_SHOWN = 300;

  private final PrintStream out;
  private final Clock clock;

  public AuditTrail(PrintStream out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  /**
   * @param arguments the call's arguments, read for the route they name
   * @param outcome the call's outcome
   */
  void record(
      String client, String tool, Map<String, Object> arguments, Operation.Outcome outcome) {
    Map<String, Object> result = outcome.structured() == null ? Map.of() : outcome.structured();
    AuditEntry entry =
        new AuditEntry(
            clock.instant().toString(),
            client,
            tool,
            route(arguments, result),
            outcome.isError() ? "refused" : outcome(result),
            outcome.isError() ? abbreviate(outcome.text()) : null,
            string(result.get("resourceVersion")),
            string(result.get("newResourceVersion")),
            result.get("patch"));
    byte[] line = (Json.MAPPER.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
    synchronized (out) {
      out.writeBytes(line);
      out.flush();
    }
  }

  /**
   * {@code applied}, {@code dry-run}, {@code gitops} (not sent), {@code unchanged} or {@code ok}.
   */
  private static String outcome(Map<String, Object> result) {
    Object method = result.get("method");
    if (method == null) {
      return "ok";
    }
    if (Boolean.TRUE.equals(result.get("applied"))) {
      return "applied";
    }
    return switch (method.toString()) {
      case "none" -> "unchanged";
      case "gitops" -> "gitops";
      default -> "dry-run";
    };
  }

  private static String route(Map<String, Object> arguments, Map<String, Object> result) {
    if (result.get("route") instanceof String route) {
      return route;
    }
    Object namespace = arguments == null ? null : arguments.get("namespace");
    Object name = arguments == null ? null : arguments.get("name");
    if (namespace instanceof String ns) {
      return name instanceof String n ? ns + "/" + n : ns;
    }
    return null;
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }

  private static String abbreviate(String text) {
    String line = text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    return line.length() > MESSAGE_SHOWN ? line.substring(0, MESSAGE_SHOWN - 3) + "..." : line;
  }
}
