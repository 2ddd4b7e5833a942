package dev.trafficengineer.mcp;

import dev.trafficengineer.core.generate.CanaryGenerator;
import dev.trafficengineer.core.generate.CanaryRequest;
import dev.trafficengineer.core.generate.RouteResult;

final class GenerateCanaryTool extends CoreTool<CanaryRequest, RouteResult> {
  GenerateCanaryTool() {
    super("generate_canary", "Generate a canary split", CanaryRequest.class, RouteResult.class);
  }

  @Override
  String description() {
    return """
        Generate a Gateway API HTTPRoute that sends canaryWeight percent of the traffic to the \
        canary Service and the rest to the stable one. Call it when the user wants to start or \
        set one canary split ("canary task-api-canary at 5%"); for a staged 5->25->50->100 \
        runbook call plan_rollout instead. Pass protectHeader to keep requests with a header \
        (e.g. x-api-tier: premium) on the stable Service. Every input is validated first. \
        Returns the HTTPRoute YAML, the effective split of each rule in percent, and commands: \
        a server-side dry run, the apply, a verification and a guarded rollback patch. Nothing \
        is applied: show the YAML and tell the user to run the dry-run command first. \
        For a gRPC service pass kind GRPCRoute and optionally grpcMethod {service, method}: \
        the same pattern as a GRPCRoute.""";
  }

  @Override
  RouteResult call(CanaryRequest request) {
    return CanaryGenerator.generate(request);
  }

  @Override
  String text(RouteResult result) {
    return ResultText.of(result);
  }
}
