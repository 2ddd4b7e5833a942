package dev.trafficengineer.mcp;

/** Starts the stdio server without the command line, e.g. from a test's own class path. */
final class McpStdioServerMain {
  private McpStdioServerMain() {}

  public static void main(String[] args) {
    McpStdioServer.serve();
  }
}
