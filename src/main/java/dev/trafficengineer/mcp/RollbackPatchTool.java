package dev.trafficengineer.mcp;

import dev.trafficengineer.core.rollback.Rollback;
import dev.trafficengineer.core.rollback.RollbackRequest;
import dev.trafficengineer.core.rollback.RollbackResult;

final class RollbackPatchTool extends CoreTool<RollbackRequest, RollbackResult> {
  RollbackPatchTool() {
    super(
        "rollback_patch",
        "Roll back, switch or promote a route with a guarded patch",
        RollbackRequest.class,
        RollbackResult.class);
  }

  @Override
  String description() {
    return """
        Compute the kubectl command that rolls back a canary (target stable, the default: the \
        canary to weight 0 in every rule that sends to it), switches blue-green (target blue or \
        green), promotes the canary (target canary) or turns an A/B test off (target ab-off: \
        its header rules removed), or sends all traffic to one named Service (to: any names). \
        Pass routeYaml, the route as it is now (ask the user for \
        `kubectl get httproute NAME -n NAMESPACE -o yaml`, or `kubectl get grpcroute ...` for a \
        GRPCRoute: the same rules apply, the commands then patch the grpcroute). canaryService is inferred only when \
        certain; on a 100/0 or blue-green route, or with several candidates, the call is an \
        error listing the choices that fit (target, canaryService, to) with what each would \
        change: ask the user which backend is healthy, never pick for them. A route already as \
        asked returns nothingToChange and no command. Capacity warnings say when a backend \
        would take much more traffic than now: relay them before the command. \
        Returns an RFC 6902 JSON Patch that changes only the weights that must change and first \
        tests the rules and backends it touches, so kubectl refuses it if the route changed; \
        every other rule (premium, A/B, filters) is left as it is. Nothing is applied: tell \
        the user to run the dryRunCommand first, then the command, then the verify command; \
        the cleanup commands delete things and come only after the verify. Without routeYaml \
        (only name, namespace, canaryService) no patch can be guarded: relay the two-step \
        command and the warnings.""";
  }

  @Override
  RollbackResult call(RollbackRequest request) {
    return Rollback.compute(request);
  }

  @Override
  String text(RollbackResult result) {
    return ResultText.of(result);
  }
}
