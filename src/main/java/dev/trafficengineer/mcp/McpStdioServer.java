package dev.trafficengineer.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

/** The MCP server over stdio: JSON-RPC on stdin and stdout, logs on stderr. */
public final class McpStdioServer {
  private static final long SHUTDOWN_GRACE_MILLIS = 700;

  private McpStdioServer() {}

  /** Serves until standard input closes, then shuts the server down and returns. */
  public static void serve() {
    serve(ToolSelection.offline());
  }

  /** The same with {@code tools} in place of the offline catalog. */
  public static void serve(ToolSelection tools) {
    // The protocol owns file descriptor 1. Nothing in core or mcp writes to the standard output
    // stream (the layering test enforces it) and logs go to stderr (simplelogger.properties).
    FatalErrors.exitOnUncaughtError();
    Prewarm.start();
    // Java 17: a console exists only when both stdin and stdout are a terminal.
    TerminalHint.print(System.console() != null, System.err);
    InFlight inFlight = new InFlight();
    OutputStream protocol =
        new ProtocolOutput(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)), inFlight);
    ProtocolInput input = new ProtocolInput(System.in, protocol, inFlight);
    McpJsonMapper json = McpServers.jsonMapper();
    McpSyncServer server =
        McpServers.configure(
                McpServer.sync(
                    new StdioTransportProvider(json, McpServers.protocolJson(), input, protocol)),
                json,
                tools)
            .build();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> flushAnswers(inFlight, protocol), "flush-answers"));
    if (!awaitQuietly(input)) {
      System.err.println(
          "traffic-engineer: the MCP transport stopped reading standard input before it ended;"
              + " exiting so that the client does not wait for answers that cannot come");
      System.exit(FatalErrors.EXIT_STATUS);
    }
    server.closeGracefully();
    flushQuietly(protocol);
  }

  /**
   * On SIGTERM or SIGINT: the answers being computed get a moment to go out, then the process ends,
   * within a second all told (a client or supervisor waits no longer than that).
   */
  private static void flushAnswers(InFlight inFlight, OutputStream protocol) {
    try {
      inFlight.awaitAnswers(SHUTDOWN_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flushQuietly(protocol);
  }

  private static void flushQuietly(OutputStream protocol) {
    try {
      protocol.flush();
    } catch (IOException e) {
      // The client has gone; there is no one left to answer.
    }
  }

  /** False when the transport stopped reading before the end of input. */
  private static boolean awaitQuietly(ProtocolInput input) {
    try {
      return input.awaitEnd();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }
}
