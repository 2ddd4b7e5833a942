package dev.trafficengineer.mcp;

import java.io.PrintStream;

/**
 * The one line a person sees on stderr when they start {@code serve} in a terminal: a stdio server
 * prints nothing until a client speaks, which looks like a hang. MCP clients start it with pipes,
 * so they never see the line.
 */
final class TerminalHint {
  static final String LINE =
      "traffic-engineer serve: waiting for an MCP client on stdin (JSON-RPC; nothing more is"
          + " printed here). Add it to a client, or try: npx -y @modelcontextprotocol/inspector"
          + " --cli traffic-engineer serve --method tools/list. Ctrl-D or Ctrl-C ends.";

  private TerminalHint() {}

  /** Prints the hint on {@code err} when {@code interactive}: stdin and stdout are a terminal. */
  static void print(boolean interactive, PrintStream err) {
    if (interactive) {
      err.println(LINE);
      err.flush();
    }
  }
}
