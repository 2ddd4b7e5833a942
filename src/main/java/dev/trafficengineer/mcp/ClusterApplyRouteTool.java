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
        "Replace a live route (dry run, then apply with a plan token and the person's yes)",
        ApplyRequest.class,
        LiveChange.class);
    this.writes = writes;
  }

  @Override
  String description() {
    return """
        Put a whole HTTPRoute or GRPCRoute (its kind says which) in place of the live one of \
        that kind and name (or create it): its spec, \
        labels and annotations replace the live ones, sent as an update carrying the \
        resourceVersion read, so a concurrent change makes the API server refuse it with a \
        Conflict. Validate it (validate_route) and show cluster_diff first. Two steps: without planToken the API server checks the change as a dry run (dryRun=All), \
        nothing changes, and the answer carries the diff, the change in one line \
        (confirmation) and a planToken; show them to the user. Called again with the same \
        arguments and that planToken, the server asks the user in a form to approve the one \
        line and applies only on their yes (the token is refused when it expired, was issued \
        for another change, or the route changed since). A client without forms gets the \
        kubectl commands for the user to run instead. Refused \
        when a controller owns the route; a route Argo CD, Flux or Helm manages is not \
        replaced: commit the YAML to its source. For weight changes prefer cluster_set_weights or cluster_rollback.""";
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
    return call(request, Caller.unknown());
  }

  @Override
  LiveChange call(ApplyRequest request, Caller caller) {
    return writes.apply(request, caller.approval());
  }

  @Override
  String text(LiveChange result) {
    return ClusterText.of(result);
  }
}
