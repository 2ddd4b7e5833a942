package dev.trafficengineer.mcp;

import dev.trafficengineer.cluster.ApplyRequest;
import dev.trafficengineer.cluster.ClusterText;
import dev.trafficengineer.cluster.LiveChange;
import dev.trafficengineer.cluster.RouteWrites;

final class ClusterApplyRouteTool extends ClusterTool<ApplyRequest, LiveChange> {
  private final RouteWrites writes;

  ClusterApplyRouteTool(RouteWrites writes) {
    super(
        "cluster_apply_route",
        "Replace a live route (dry run unless confirmed)",
        ApplyRequest.class,
        LiveChange.class);
    this.writes = writes;
  }

  @Override
  String description() {
    return """
        Put a whole HTTPRoute in place of the live one of that name (or create it): its spec, \
        labels and annotations replace the live ones, sent as an update carrying the \
        resourceVersion read, so a concurrent change makes the API server refuse it with a \
        Conflict. Validate it (validate_route) and show cluster_diff first. Without confirm \
        the API server checks it as a dry run (dryRun=All) and nothing changes; call again \
        with confirm true only when the user says so. Refused when a controller owns the \
        route. For weight changes prefer cluster_set_weights or cluster_rollback.""";
  }

  @Override
  boolean readOnly() {
    return false;
  }

  @Override
  boolean destructive() {
    return true;
  }

  @Override
  LiveChange call(ApplyRequest request) {
    return writes.apply(request);
  }

  @Override
  String text(LiveChange result) {
    return ClusterText.of(result);
  }
}
