package dev.trafficengineer.mcp;

import dev.trafficengineer.cluster.ClusterText;
import dev.trafficengineer.cluster.GatewayCheckRequest;
import dev.trafficengineer.cluster.GatewayReads;
import dev.trafficengineer.cluster.LiveGatewayCheck;

final class ClusterCheckGatewayTool extends ClusterTool<GatewayCheckRequest, LiveGatewayCheck> {
  private final GatewayReads reads;

  ClusterCheckGatewayTool(GatewayReads reads) {
    super(
        "cluster_check_gateway",
        "Check a live Gateway and its routes",
        GatewayCheckRequest.class,
        LiveGatewayCheck.class);
    this.reads = reads;
  }

  @Override
  String description() {
    return """
        Read one Gateway from the cluster with every HTTPRoute and GRPCRoute that names it and the \
        ReferenceGrants, Services, EndpointSlices and Namespaces they depend on (GET and LIST \
        only), and run validate_route's checks on them, the cross-resource ones included: \
        listeners that do not admit a route (TE501-TE503), rules another route shadows (TE504), \
        backends whose share gets 500 or 503 (TE505-TE507, with impact), status that is stale \
        or contradicts the analysis (TE508). Routes are judged by the HTTPRoute and GRPCRoute \
        CRDs the cluster runs (schema and CEL rules: a field the installed version lacks is an \
        error), and the installed Gateway API CRD bundle version and channel are reported. documents says which resource each /N path prefix is. Tell the \
        user the errors with their impact first.""";
  }

  @Override
  LiveGatewayCheck call(GatewayCheckRequest request) {
    return reads.check(request);
  }

  @Override
  String text(LiveGatewayCheck result) {
    return ClusterText.of(result);
  }
}
