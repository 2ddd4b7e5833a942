package dev.trafficengineer.mcp;

import dev.trafficengineer.cluster.Cluster;
import dev.trafficengineer.cluster.GatewayReads;
import dev.trafficengineer.cluster.RouteReads;
import dev.trafficengineer.cluster.RouteWrites;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster tools, added to the offline catalog only when the server is started for a cluster:
 * the read tools always, the write tools only when writes were allowed too. Nothing else refers to
 * this class, so a server without a cluster never loads the cluster client.
 */
public final class ClusterTools {
  private ClusterTools() {}

  public static ToolSelection selection(Cluster cluster, boolean allowWrites) {
    return ToolSelection.offlineAnd(tools(cluster, allowWrites));
  }

  static List<CoreTool<?, ?>> tools(Cluster cluster, boolean allowWrites) {
    RouteReads reads = new RouteReads(cluster);
    List<CoreTool<?, ?>> tools = new ArrayList<>();
    tools.add(new ClusterGetRouteTool(reads));
    tools.add(new ClusterListRoutesTool(reads));
    tools.add(new ClusterDiffTool(reads));
    tools.add(new ClusterCheckGatewayTool(new GatewayReads(cluster)));
    if (allowWrites) {
      RouteWrites writes = new RouteWrites(cluster);
      tools.add(new ClusterRollbackTool(writes));
      tools.add(new ClusterSetWeightsTool(writes));
      tools.add(new ClusterApplyRouteTool(writes));
    }
    return List.copyOf(tools);
  }
}
