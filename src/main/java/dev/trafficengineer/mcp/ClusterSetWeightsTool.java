package dev.trafficengineer.mcp;

import dev.trafficengineer.cluster.ClusterText;
import dev.trafficengineer.cluster.LiveChange;
import dev.trafficengineer.cluster.RouteWrites;
import dev.trafficengineer.cluster.SetWeightsRequest;

final class ClusterSetWeightsTool extends ClusterTool<SetWeightsRequest, LiveChange> {
  private final RouteWrites writes;

  ClusterSetWeightsTool(RouteWrites writes) {
    super(
        "cluster_set_weights",
        "Set backend weights of a live route (dry run, then apply with a plan token and the person's yes)",
        SetWeightsRequest.class,
        LiveChange.class);
    this.writes = writes;
  }

  @Override
  String description() {
    return """
        Set the weights of named backends of a route in the cluster (an HTTPRoute, or a \
        GRPCRoute with kind GRPCRoute), in every rule that lists them (other backends keep theirs), with a guarded JSON Patch that tests the rules and \
        current weights first. Two steps: without planToken the API server checks the change as \
        a dry run (dryRun=All), nothing changes, and the answer carries the diff, the change in \
        one line (confirmation), the warnings and a planToken; show them to the user. Called \
        again with the same arguments and that planToken, the server asks the user in a form to \
        approve the one line and applies only on their yes (the token is refused when it \
        expired, was issued for another change, or the route changed since). A client without \
        forms gets the kubectl commands for the user to run instead. The ready endpoints of the \
        Services (EndpointSlices) are counted: sending more traffic to a Service with none is \
        refused, and a share per endpoint growing more than 4x is a warning. A rule left with \
        weight 0 everywhere is refused, and so is a route a controller (Flagger, Argo Rollouts, \
        an owner reference) owns; a route Argo CD, Flux or Helm manages is not patched: the \
        answer has the change as a kustomize patch to commit.""";
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
  LiveChange call(SetWeightsRequest request) {
    return call(request, Caller.unknown());
  }

  @Override
  LiveChange call(SetWeightsRequest request, Caller caller) {
    return writes.setWeights(request, caller.approval());
  }

  @Override
  String text(LiveChange result) {
    return ClusterText.of(result);
  }
}
