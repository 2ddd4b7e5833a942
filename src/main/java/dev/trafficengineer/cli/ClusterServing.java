package dev.trafficengineer.cli;

import dev.trafficengineer.cluster.Cluster;
import dev.trafficengineer.cluster.ClusterException;
import dev.trafficengineer.mcp.ClusterTools;
import dev.trafficengineer.mcp.ToolSelection;
import picocli.CommandLine.ParameterException;

/** {@code serve --cluster}: the cluster tools, and a line on stderr saying which cluster. */
final class ClusterServing {
  private ClusterServing() {}

  static ToolSelection tools(ServeCommand command, Streams streams) {
    Cluster cluster;
    try {
      cluster = connect(command.clusterOptions);
    } catch (ClusterException e) {
      throw new ParameterException(command.spec.commandLine(), e.getMessage());
    }
    streams.printError(
        "traffic-engineer: cluster tools for "
            + cluster.where()
            + (command.allowWrites
                ? ", writes allowed (each a dry run unless confirmed)"
                : ", read-only")
            + "\n");
    return ClusterTools.selection(cluster, command.allowWrites);
  }

  static Cluster connect(ClusterOptions options) {
    return Cluster.connect(options.kubeconfig, options.context);
  }
}
