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
        "Roll back a live route (dry run, then apply with a plan token and the person's yes)",
        LiveRollbackRequest.class,
        LiveChange.class);
    this.writes = writes;
  }

  @Override
  String description() {
    return """
        Roll back (target stable, the default: the canary to weight 0), promote (canary), \
        switch blue-green (blue, green), turn an A/B test off (ab-off) or send all traffic to a \
        named Service (to) on a route in the cluster (an HTTPRoute, or a GRPCRoute with kind \
        GRPCRoute). The patch is computed from the live \
        route, exactly as rollback_patch computes it (it refuses to guess the canary and lists \
        the choices), and tests the rules it touches first: if the route changed since it was \
        read, the API server refuses it as a whole. The ready endpoints of the Services \
        (EndpointSlices) are counted: a Service with none is not sent traffic, and a big jump \
        in share per endpoint is a warning with the numbers. Two steps: without planToken the \
        API server checks the change as a dry run (dryRun=All), nothing changes, and the answer \
        carries the diff, the change in one line (confirmation), the warnings and a planToken; \
        show them to the user. Called again with the same arguments and that planToken, the \
        server asks the user in a form to approve the one line and applies only on their yes \
        (the token is refused when it expired, was issued for another change, or the route \
        changed since). A client without forms gets the kubectl commands for the user to run \
        instead. Refused when a controller (Flagger, Argo Rollouts, an owner reference) owns \
        the route: relay what to do instead; a route Argo CD, Flux or Helm manages is not \
        patched: the answer has the change as a kustomize patch to commit.""";
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
    return call(request, Caller.unknown());
  }

  @Override
  LiveChange call(LiveRollbackRequest request, Caller caller) {
    return writes.rollback(request, caller.approval());
  }

  @Override
  String text(LiveChange result) {
    return ClusterText.of(result);
  }
}
