package dev.trafficengineer.cli;

import dev.trafficengineer.mcp.McpStdioServer;
import java.io.InputStream;
import java.io.PrintStream;

/** The {@code traffic-engineer} command line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length == 1 && "serve".equals(args[0])) {
      // What MCP clients launch, and what they wait for: served without building the command
      // line (picocli reflects over every command, about a fifth of the start-up work, and its
      // Java 5 class files cannot go into a class-data archive). Same behaviour as `serve`.
      McpStdioServer.serve();
      System.exit(0);
    }
    System.exit(run(args, System.in, System.out, System.err));
  }

  /**
   * Runs one command against the given streams and returns its exit code: 0 success, 1 the answer
   * is "no", 2 usage error, unreadable or refused input.
   */
  static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    boolean debug = "1".equals(System.getenv("TE_DEBUG"));
    return TrafficEngineerCommand.commandLine(new Streams(in, out, err), debug).execute(args);
  }
}
