package dev.trafficengineer.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import tools.jackson.databind.json.JsonMapper;

/** The MCP server over stdio: JSON-RPC on stdin and stdout, logs on stderr. */
public final class McpStdioServer {
  static final String NAME = "traffic-engineer";

  private McpStdioServer() {}

  /** Serves until standard input closes, then shuts the server down and returns. */
  public static void serve() {
    // The protocol owns file descriptor 1. Nothing in core or mcp writes to the standard output
    // stream (the layering test enforces it) and logs go to stderr (simplelogger.properties).
    InFlight inFlight = new InFlight();
    OutputStream protocol =
        new ProtocolOutput(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)), inFlight);
    ProtocolInput input = new ProtocolInput(System.in, protocol, inFlight);
    McpJsonMapper json = new JacksonMcpJsonMapper(JsonMapper.builder().build());
    McpSyncServer server =
        McpServer.sync(new StdioServerTransportProvider(json, input, protocol))
            .serverInfo(NAME, ProjectVersion.get())
            .instructions(ClasspathText.read("mcp/instructions.md"))
            .capabilities(ServerCapabilities.builder().tools(false).build())
            // The SDK checks arguments against the input schema before a handler runs (its
            // default, stated here because the schemas are written to be enforced); the binder
            // and the core check again, so other transports get the same guarantees.
            .validateToolInputs(true)
            .tools(ToolSpecifications.all(json))
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
