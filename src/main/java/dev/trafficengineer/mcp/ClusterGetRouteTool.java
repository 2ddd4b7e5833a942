package dev.trafficengineer.mcp;

import dev.trafficengineer.cluster.ClusterText;
import dev.trafficengineer.cluster.LiveRoute;
import dev.trafficengineer.cluster.RouteReads;
import dev.trafficengineer.cluster.RouteRequest;

final class ClusterGetRouteTool extends ClusterTool<RouteRequest, LiveRoute> {
  private final RouteReads reads;

  ClusterGetRouteTool(RouteReads reads) {
    super(
        "cluster_get_route",
        "Read a live HTTPRoute or GRPCRoute",
        RouteRequest.class,
        LiveRoute.class);
    this.reads = reads;
  }

  @Override
  String description() {
    return """
        Read one HTTPRoute (or a GRPCRoute with kind GRPCRoute) from the cluster the server is \
        connected to. Returns its YAML \
        (without status and server-owned fields, ready for the offline tools), the weights of \
        every rule, each parent Gateway's status conditions (Accepted, ResolvedRefs) with their \
        reasons, the controller that owns it if any (Flagger, Argo Rollouts, an owner \
        reference: writes are then refused), and validate_route's findings. Start here before \
        any rollback: tell the user the current split and any condition that is not True.""";
  }

  @Override
  LiveRoute call(RouteRequest request) {
    return reads.get(request);
  }

  @Override
  String text(LiveRoute result) {
    return ClusterText.of(result);
  }
}
