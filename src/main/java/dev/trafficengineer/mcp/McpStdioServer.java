package dev.trafficengineer.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;

/** The MCP server over stdio: JSON-RPC on stdin and stdout, logs on stderr. */
public final class McpStdioServer {
  private McpStdioServer() {}

  /** Serves until standard input closes, then shuts the server down and returns. */
  public static void serve() {
    // The protocol owns file descriptor 1. Nothing in core or mcp writes to the standard output
    // stream (the layering test enforces it) and logs go to stderr (simplelogger.properties).
    Prewarm.start();
    InFlight inFlight = new InFlight();
    OutputStream protocol =
        new ProtocolOutput(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)), inFlight);
    ProtocolInput input = new ProtocolInput(System.in, protocol, inFlight);
    McpJsonMapper json = McpServers.jsonMapper();
    McpSyncServer server =
        McpServers.configure(
                McpServer.sync(new StdioServerTransportProvider(json, input, protocol)), json)
            .build();
    awaitQuietly(input);
    server.closeGracefully();
  }

  private static void awaitQuietly(ProtocolInput input) {
    try {
      input.awaitEnd();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
