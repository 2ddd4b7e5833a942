package dev.trafficengineer.mcp;

import dev.trafficengineer.core.generate.AbTestGenerator;
import dev.trafficengineer.core.generate.AbTestRequest;
import dev.trafficengineer.core.generate.RouteResult;

final class GenerateAbTestTool extends CoreTool<AbTestRequest, RouteResult> {
  GenerateAbTestTool() {
    super(
        "generate_ab_test",
        "Generate an A/B test by header",
        AbTestRequest.class,
        RouteResult.class);
  }

  @Override
  String description() {
    return """
        Generate an HTTPRoute for an A/B test: requests carrying the header (Exact or \
        RegularExpression match) go to testService, every other request to stableService. The \
        header rule comes first and is more specific, so it wins under Gateway API precedence. \
        Call it to route chosen users, testers or tenants by header; to route a percentage of \
        all traffic call generate_canary. Returns the HTTPRoute YAML, the split of each rule \
        and the dry-run, apply and verification commands. Nothing is applied. \
        For a gRPC service pass kind GRPCRoute and optionally grpcMethod {service, method}: \
        the same pattern as a GRPCRoute.""";
  }

  @Override
  RouteResult call(AbTestRequest request) {
    return AbTestGenerator.generate(request);
  }

  @Override
  String text(RouteResult result) {
    return ResultText.of(result);
  }
}
