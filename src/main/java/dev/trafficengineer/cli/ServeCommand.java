package dev.trafficengineer.cli;

import dev.trafficengineer.mcp.McpStdioServer;
import dev.trafficengineer.mcp.ToolSelection;
import dev.trafficengineer.mcp.http.SessionLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Runs the MCP server: on the process's own stdin and stdout, the channel MCP clients launch, or
 * over Streamable HTTP for clients that connect to a shared server.
 */
@Command(
    name = "serve",
    description = {
      "Serve the tools, prompts and resources to an MCP client (stdio, or --http).",
      "On stdio, stdout carries only protocol messages; with --http, Streamable HTTP at"
          + " http://HOST:PORT/mcp."
    },
    footer = {
      "",
      "Examples:",
      "  claude mcp add traffic-engineer -- traffic-engineer serve",
      "  traffic-engineer serve --http            # http://127.0.0.1:8931/mcp",
      "  traffic-engineer serve --cluster --context prod   # + read-only cluster tools",
      "  traffic-engineer serve --cluster --allow-writes --namespace task-api \\",
      "    --audit-log audit.jsonl              # writes: dry run, plan token, your yes",
      "  traffic-engineer serve --http --host 0.0.0.0 --token-file token --stateless \\",
      "    --allowed-host traffic-engineer.example.com"
    })
final class ServeCommand implements Callable<Integer> {
  private static final List<String> HTTP_ONLY =
      List.of(
          "--host",
          "--port",
          "--token-file",
          "--stateless",
          "--allowed-host",
          "--allowed-origin",
          "--session-idle-timeout",
          "--max-sessions");

  @Spec CommandSpec spec;
  @Mixin HelpOption help;

  private final Streams streams;

  @Option(names = "--http", description = "Serve over Streamable HTTP instead of stdio.")
  boolean http;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description =
          "Address to listen on (default: ${DEFAULT-VALUE}). Anything but loopback needs"
              + " --token-file.")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8931",
      description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description = "File holding a bearer token that every HTTP request must carry.")
  Path tokenFile;

  @Option(
      names = "--stateless",
      description = "Keep no session state, so replicas behind a Service need no affinity.")
  boolean stateless;

  @Option(
      names = "--allowed-host",
      paramLabel = "NAME",
      description = "Host header name to accept besides localhost (repeatable).")
  List<String> allowedHosts = List.of();

  @Option(
      names = "--allowed-origin",
      paramLabel = "ORIGIN",
      description = "Browser Origin to accept besides local ones (repeatable).")
  List<String> allowedOrigins = List.of();

  @Option(
      names = "--session-idle-timeout",
      defaultValue = SessionLimits.DEFAULT_IDLE_TIMEOUT,
      paramLabel = "DURATION",
      description =
          "End a session after this long without a request, e.g. 90s, 30m, 2h (default:"
              + " ${DEFAULT-VALUE}); its client then starts a new one.")
  String sessionIdleTimeout;

  @Option(
      names = "--max-sessions",
      defaultValue = "" + SessionLimits.DEFAULT_MAX_SESSIONS,
      paramLabel = "N",
      description =
          "Live sessions at most (default: ${DEFAULT-VALUE}); another initialize gets 503 until"
              + " one ends.")
  int maxSessions;

  @Option(
      names = "--cluster",
      description =
          "Add the read-only cluster tools (cluster_get_route, cluster_list_routes,"
              + " cluster_diff) for the cluster of the kubeconfig context.")
  boolean cluster;

  @Option(
      names = "--allow-writes",
      description =
          "With --cluster, add the write tools too (cluster_rollback, cluster_set_weights,"
              + " cluster_apply_route): a dry run first, applied only by a second call with its"
              + " plan token (and, with --confirm=elicit, the person's yes in a form).")
  boolean allowWrites;

  @Option(
      names = "--confirm",
      defaultValue = "elicit",
      paramLabel = "elicit|token",
      description =
          "elicit (default): a write needs its plan token and the person's yes in a form the"
              + " client shows; clients without forms get kubectl commands instead. token"
              + " (weaker): the plan token alone applies, so whoever holds it can.")
  ConfirmMode confirm;

  @Option(
      names = "--plan-key-file",
      paramLabel = "FILE",
      description =
          "Key (at least 32 bytes) that signs plan tokens, shared by replicas behind one"
              + " Service (default: a random key per process).")
  Path planKeyFile;

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      description = "Limit every cluster tool to this namespace (repeatable; default: all).")
  List<String> namespaces = List.of();

  @Option(
      names = "--audit-log",
      paramLabel = "FILE",
      description =
          "Append one JSON line per tool call to FILE (default with --allow-writes: stderr).")
  Path auditLog;

  @Mixin ClusterOptions clusterOptions;

  ServeCommand(Streams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() throws Exception {
    // A class of its own, so that a server without --cluster never loads the cluster client.
    ToolSelection tools =
        cluster
            ? ClusterServing.tools(this, streams)
            : refuseClusterOptions(ToolSelection.offline());
    if (!http) {
      for (String option : HTTP_ONLY) {
        if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
          throw new ParameterException(spec.commandLine(), option + " needs --http");
        }
      }
      McpStdioServer.serve(tools);
      return 0;
    }
    // A class of its own, so that the stdio path never loads a class that refers to Jetty.
    return HttpServing.serve(this, streams, tools);
  }

  private ToolSelection refuseClusterOptions(ToolSelection tools) {
    for (String option : ClusterServing.CLUSTER_ONLY) {
      if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
        throw new ParameterException(spec.commandLine(), option + " needs --cluster");
      }
    }
    return tools;
  }
}
