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
        "Set backend weights of a live route (dry run unless confirmed)",
        SetWeightsRequest.class,
        LiveChange.class);
    this.writes = writes;
  }

  @Override
  String description() {
    return """
        Set the weights of named backends of a route in the cluster, in every rule that lists \
        them (other backends keep theirs), with a guarded JSON Patch that tests the rules and \
        current weights first. Without confirm the API server checks it as a dry run \
        (dryRun=All) and nothing changes: show the user the resulting weights and warnings, and \
        call again with confirm true only when they say so. The ready endpoints of the Services \
        (EndpointSlices) are counted: sending more traffic to a Service with none is refused, \
        and a share per endpoint growing more than 4x is a warning. A rule left with weight 0 everywhere is \
        refused, and so is a route a controller (Flagger, Argo Rollouts, an owner reference) \
        owns.""";
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
    return writes.setWeights(request);
  }

  @Override
  String text(LiveChange result) {
    return ClusterText.of(result);
  }
}
