package dev.trafficengineer.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.io.PrintStream;
import tools.jackson.databind.json.JsonMapper;

/** The MCP server over stdio: JSON-RPC on stdin and stdout, logs on stderr. */
public final class McpStdioServer {
  static final String NAME = "traffic-engineer";

  private McpStdioServer() {}

  /** Serves until standard input closes, then shuts the server down and returns. */
  public static void serve() {
    PrintStream protocol = System.out;
    // stdout belongs to the protocol: whatever else prints to System.out goes to stderr instead.
    System.setOut(System.err);
    try {
      ProtocolInput input = new ProtocolInput(System.in, protocol);
      McpJsonMapper json = new JacksonMcpJsonMapper(JsonMapper.builder().build());
      McpSyncServer server =
          McpServer.sync(new StdioServerTransportProvider(json, input, protocol))
              .serverInfo(NAME, ProjectVersion.get())
              .instructions(ToolSchemas.read("mcp/instructions.md"))
              .capabilities(ServerCapabilities.builder().tools(false).build())
              .tools(ToolSpecifications.all(json))
              .build();
      awaitQuietly(input);
      server.closeGracefully();
    } finally {
      System.setOut(protocol);
    }
  }

  private static void awaitQuietly(ProtocolInput input) {
    try {
      input.awaitEnd();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
