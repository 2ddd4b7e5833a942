package dev.trafficengineer.mcp;

import dev.trafficengineer.cluster.ClusterText;
import dev.trafficengineer.cluster.DiffRequest;
import dev.trafficengineer.cluster.LiveDiff;
import dev.trafficengineer.cluster.RouteReads;

final class ClusterDiffTool extends ClusterTool<DiffRequest, LiveDiff> {
  private final RouteReads reads;

  ClusterDiffTool(RouteReads reads) {
    super(
        "cluster_diff",
        "Compare a proposed HTTPRoute or GRPCRoute with the live one",
        DiffRequest.class,
        LiveDiff.class);
    this.reads = reads;
  }

  @Override
  String description() {
    return """
        Compare one proposed HTTPRoute or GRPCRoute (YAML with metadata.name and namespace; its \
        kind says which) with the route of that kind and name in the cluster, field by field: each change as a JSON Pointer with the \
        live and the proposed value. Status and server-owned metadata are ignored, and a field \
        the proposal omits is not a change when the API server would fill in that very default \
        (weight 1, kind Service, path prefix /, gRPC method type Exact, ...); the rule field says exactly what is \
        compared. Read-only. Show the user the changes before any cluster_apply_route.""";
  }

  @Override
  LiveDiff call(DiffRequest request) {
    return reads.diff(request);
  }

  @Override
  String text(LiveDiff result) {
    return ClusterText.of(result);
  }
}
