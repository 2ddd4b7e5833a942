package dev.trafficengineer.mcp;

import dev.trafficengineer.cluster.LiveCompareRequest;
import dev.trafficengineer.cluster.LiveComparison;
import dev.trafficengineer.core.compare.ComparisonReport;
import dev.trafficengineer.core.compare.ComparisonResult;

final class ClusterCompareRoutesTool extends ClusterTool<LiveCompareRequest, ComparisonResult> {
  private final LiveComparison comparison;

  ClusterCompareRoutesTool(LiveComparison comparison) {
    super(
        "cluster_compare_routes",
        "Review a change against the cluster",
        LiveCompareRequest.class,
        ComparisonResult.class);
    this.comparison = comparison;
  }

  @Override
  String description() {
    return """
        compare_routes with the cluster's current state as before (GET and LIST only, nothing \
        is changed): after is the YAML of the change (routes, optionally with Gateways and the \
        documents around them), applied over what the cluster holds for the Gateways it names: \
        their HTTPRoutes, ReferenceGrants, Services, EndpointSlices and Namespaces. Every \
        finding is marked introduced, fixed, changed (the share of failing traffic differs: \
        impactBefore and impact) or unchanged. valid is false when the change introduces an \
        error or makes more traffic fail: show those findings with their fixes first.""";
  }

  @Override
  ComparisonResult call(LiveCompareRequest request) {
    return comparison.compare(request);
  }

  @Override
  String text(ComparisonResult result) {
    return ComparisonReport.render(result);
  }
}
