package dev.trafficengineer.mcp;

/** Placeholder so that the cli branch compiles; the mcp branch provides the real server. */
public final class McpStdioServer {
  private McpStdioServer() {}

  public static void serve() {}
}
