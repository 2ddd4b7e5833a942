package dev.trafficengineer.mcp;

import dev.trafficengineer.cluster.ClusterException;

/**
 * A tool that talks to the cluster the server was started for. What the API server refuses (or a
 * server that does not answer) comes back as an error result with its reason, so the assistant can
 * relay it; the MCP server itself carries on.
 */
abstract class ClusterTool<I extends Record, O extends Record> extends CoreTool<I, O> {
  ClusterTool(String name, String title, Class<I> requestType, Class<O> resultType) {
    super(name, title, requestType, resultType);
  }

  @Override
  final boolean openWorld() {
    return true;
  }

  @Override
  final String failure(RuntimeException e) {
    return e instanceof ClusterException ? name() + ": " + e.getMessage() : null;
  }
}
