package dev.trafficengineer.cli;

import dev.trafficengineer.mcp.McpStdioServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the MCP server on the process's own stdin and stdout, the channel MCP clients launch. */
@Command(
    name = "serve",
    description = "Serve the tools over MCP on stdio (stdout carries only protocol messages).",
    footer = {
      "",
      "Example (register with an MCP client such as Claude Code):",
      "  claude mcp add traffic-engineer -- traffic-engineer serve"
    })
final class ServeCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Override
  public Integer call() {
    McpStdioServer.serve();
    return 0;
  }
}
