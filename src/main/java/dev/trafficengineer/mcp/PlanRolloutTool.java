package dev.trafficengineer.mcp;

import dev.trafficengineer.core.generate.RolloutPlan;
import dev.trafficengineer.core.generate.RolloutPlanner;
import dev.trafficengineer.core.generate.RolloutRequest;

final class PlanRolloutTool extends CoreTool<RolloutRequest, RolloutPlan> {
  PlanRolloutTool() {
    super("plan_rollout", "Plan a staged canary rollout", RolloutRequest.class, RolloutPlan.class);
  }

  @Override
  String description() {
    return """
        Plan a staged canary rollout (default stages 5, 25, 50, 100 percent). Call it when the \
        user wants a whole rollout runbook rather than one split (generate_canary). Returns, \
        per stage: the HTTPRoute YAML at that split, what changed, how to get there (apply for \
        the first stage; for the others a guarded JSON patch that kubectl refuses if the route \
        changed meanwhile) and the gate to check before moving on; then the steps that make \
        the canary the new stable, and notes. Nothing is applied: walk the user through the \
        stages one at a time. For a gRPC service pass kind GRPCRoute and optionally grpcMethod \
        {service, method}: every stage is a GRPCRoute and every patch targets the grpcroute.""";
  }

  @Override
  RolloutPlan call(RolloutRequest request) {
    return RolloutPlanner.plan(request);
  }

  @Override
  String text(RolloutPlan result) {
    return ResultText.of(result);
  }
}
