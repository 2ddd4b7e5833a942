package dev.trafficengineer.mcp;

import dev.trafficengineer.core.compare.CompareRequest;
import dev.trafficengineer.core.compare.ComparisonReport;
import dev.trafficengineer.core.compare.ComparisonResult;
import dev.trafficengineer.core.compare.RouteComparison;

final class CompareRoutesTool extends CoreTool<CompareRequest, ComparisonResult> {
  CompareRoutesTool() {
    super(
        "compare_routes",
        "Review a change to routes",
        CompareRequest.class,
        ComparisonResult.class);
  }

  @Override
  String description() {
    return """
        Review a change as a pull request needs it: validates the YAML before and after (each \
        one or more documents: HTTPRoutes, optionally with the Gateways, ReferenceGrants, \
        Services and EndpointSlices around them, as validate_route takes them) and marks every \
        finding introduced, fixed, changed (the share of failing traffic differs: impactBefore \
        and impact) or unchanged, matched by code, resource and path rather than by line. valid \
        is false when the change introduces an error or makes more traffic fail: show those \
        findings with their fixes first.""";
  }

  @Override
  ComparisonResult call(CompareRequest request) {
    return RouteComparison.compare(request);
  }

  @Override
  String text(ComparisonResult result) {
    return ComparisonReport.render(result);
  }
}
