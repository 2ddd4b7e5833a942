package dev.trafficengineer.mcp;

import dev.trafficengineer.core.generate.BlueGreenGenerator;
import dev.trafficengineer.core.generate.BlueGreenRequest;
import dev.trafficengineer.core.generate.RouteResult;

final class GenerateBlueGreenTool extends CoreTool<BlueGreenRequest, RouteResult> {
  GenerateBlueGreenTool() {
    super(
        "generate_blue_green",
        "Generate a blue-green switch",
        BlueGreenRequest.class,
        RouteResult.class);
  }

  @Override
  String description() {
    return """
        Generate a blue-green HTTPRoute: both Services stay in the route, the active color at \
        weight 100 and the idle one at 0, so a switch (and the switch back) is an instant \
        change of two weights. Call it when all traffic must move at once with an instant \
        rollback, rather than gradually (generate_canary). Returns the HTTPRoute YAML, the \
        split, and commands: a server-side dry run, the apply, a verification, and the guarded \
        patches that switch to the other color and roll back. Nothing is applied: show the \
        YAML and tell the user to run the dry-run command first. \
        For a gRPC service pass kind GRPCRoute and optionally grpcMethod {service, method}: \
        the same pattern as a GRPCRoute.""";
  }

  @Override
  RouteResult call(BlueGreenRequest request) {
    return BlueGreenGenerator.generate(request);
  }

  @Override
  String text(RouteResult result) {
    return ResultText.of(result);
  }
}
