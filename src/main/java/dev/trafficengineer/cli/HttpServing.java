package dev.trafficengineer.cli;

import dev.trafficengineer.mcp.ToolSelection;
import dev.trafficengineer.mcp.http.HttpSettings;
import dev.trafficengineer.mcp.http.McpHttpServer;
import dev.trafficengineer.mcp.http.SessionLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import picocli.CommandLine.ParameterException;

/** {@code serve --http}: refuses unsafe settings with exit code 2, then serves until stopped. */
final class HttpServing {
  private HttpServing() {}

  static int serve(ServeCommand command, Streams streams, ToolSelection tools)
      throws InterruptedException {
    HttpSettings settings;
    try {
      settings =
          new HttpSettings(
              command.host,
              command.port,
              command.stateless,
              token(command),
              command.allowedHosts,
              command.allowedOrigins,
              sessions(command));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command.spec.commandLine(), e.getMessage());
    }
    McpHttpServer server;
    try {
      server = McpHttpServer.start(settings, tools);
    } catch (IOException e) {
      throw new ParameterException(
          command.spec.commandLine(),
          "cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage());
    }
    streams.printError(
        "traffic-engineer: MCP over Streamable HTTP"
            + (settings.stateless() ? " (stateless)" : "")
            + " at "
            + server.endpoint()
            + (settings.token() == null ? "" : ", bearer token required")
            + "\n");
    server.join();
    return 0;
  }

  private static SessionLimits sessions(ServeCommand command) {
    if (command.stateless) {
      for (String option : List.of("--session-idle-timeout", "--max-sessions")) {
        if (command.spec.commandLine().getParseResult().hasMatchedOption(option)) {
          throw new IllegalArgumentException(
              option + " has no sessions to act on with --stateless");
        }
      }
    }
    return new SessionLimits(
        SessionLimits.parseDuration(command.sessionIdleTimeout), command.maxSessions);
  }

  private static String token(ServeCommand command) {
    if (command.tokenFile == null) {
      return null;
    }
    try {
      return Files.readString(command.tokenFile, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new ParameterException(
          command.spec.commandLine(), "cannot read the token file " + command.tokenFile);
    }
  }
}
