package dev.trafficengineer.mcp;

import dev.trafficengineer.cluster.Cluster;
import dev.trafficengineer.cluster.GatewayReads;
import dev.trafficengineer.cluster.LiveComparison;
import dev.trafficengineer.cluster.RouteReads;
import dev.trafficengineer.cluster.RouteWrites;
import dev.trafficengineer.cluster.WritePolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster tools, added to the offline catalog only when the server is started for a cluster:
 * the read tools always, the write tools only when writes were allowed too. Nothing else refers to
 * this class, so a server without a cluster never loads the cluster client.
 */
public final class ClusterTools {
  private ClusterTools() {}

  /**
   * @param writes how writes are let through; null when writes are not allowed
   * @param audit where every call is recorded; null for nowhere
   */
  public static ToolSelection selection(Cluster cluster, WritePolicy writes, AuditTrail audit) {
    return ToolSelection.offlineAnd(tools(cluster, writes), audit);
  }

  static List<CoreTool<?, ?>> tools(Cluster cluster, WritePolicy writes) {
    RouteReads reads = new RouteReads(cluster);
    List<CoreTool<?, ?>> tools = new ArrayList<>();
    tools.add(new ClusterGetRouteTool(reads));
    tools.add(new ClusterListRoutesTool(reads));
    tools.add(new ClusterDiffTool(reads));
    tools.add(new ClusterCheckGatewayTool(new GatewayReads(cluster)));
    tools.add(new ClusterCompareRoutesTool(new LiveComparison(cluster)));
    if (writes != null) {
      RouteWrites routeWrites = new RouteWrites(cluster, writes);
      tools.add(new ClusterRollbackTool(routeWrites));
      tools.add(new ClusterSetWeightsTool(routeWrites));
      tools.add(new ClusterApplyRouteTool(routeWrites));
    }
    return List.copyOf(tools);
  }
}
