package dev.trafficengineer.mcp;

import dev.trafficengineer.cluster.ClusterText;
import dev.trafficengineer.cluster.LiveChange;
import dev.trafficengineer.cluster.LiveRollbackRequest;
import dev.trafficengineer.cluster.RouteWrites;

final class ClusterRollbackTool extends ClusterTool<LiveRollbackRequest, LiveChange> {
  private final RouteWrites writes;

  ClusterRollbackTool(RouteWrites writes) {
    super(
        "cluster_rollback",
        "Roll back a live route (dry run unless confirmed)",
        LiveRollbackRequest.class,
        LiveChange.class);
    this.writes = writes;
  }

  @Override
  String description() {
    return """
        Roll back (target stable, the default: the canary to weight 0), promote (canary), \
        switch blue-green (blue, green), turn an A/B test off (ab-off) or send all traffic to a \
        named Service (to) on a route in the cluster. The patch is computed from the live \
        route, exactly as rollback_patch computes it (it refuses to guess the canary and lists \
        the choices), and tests the rules it touches first: if the route changed since it was \
        read, the API server refuses it as a whole. The ready endpoints of the Services \
        (EndpointSlices) are counted: a Service with none is not sent traffic, and a big jump \
        in share per endpoint is a warning with the numbers. Without confirm the API server \
        checks it as a dry run \
        (dryRun=All) and nothing changes: show the user the changes and the resulting weights, \
        and call again with confirm true only when they say so. Refused when a controller \
        (Flagger, Argo Rollouts, an owner reference) owns the route: relay what to do instead.""";
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
  LiveChange call(LiveRollbackRequest request) {
    return writes.rollback(request);
  }

  @Override
  String text(LiveChange result) {
    return ClusterText.of(result);
  }
}
