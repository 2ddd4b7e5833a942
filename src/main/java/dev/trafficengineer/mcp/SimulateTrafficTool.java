package dev.trafficengineer.mcp;

import dev.trafficengineer.core.simulate.SimulateRequest;
import dev.trafficengineer.core.simulate.SimulateResult;
import dev.trafficengineer.core.simulate.SimulationText;
import dev.trafficengineer.core.simulate.Simulator;

final class SimulateTrafficTool extends CoreTool<SimulateRequest, SimulateResult> {
  SimulateTrafficTool() {
    super(
        "simulate_traffic",
        "Simulate where requests go",
        SimulateRequest.class,
        SimulateResult.class);
  }

  @Override
  String description() {
    return """
        Send requests through HTTPRoutes offline and see exactly where each one goes and why. \
        Give yaml (one or more HTTPRoute documents, e.g. kubectl get httproute -o yaml) and \
        requests (path, optional method, headers, query, host). For each request it returns the \
        route and rule that take it under Gateway API precedence (exact path, longest prefix, \
        method, most headers, most query params, oldest route, namespace/name, then list \
        order), the status (404 when nothing matches, 500 when the rule can send no traffic, \
        the redirect code for a redirect), every backend with its exact share of the weights, \
        and the reasons step by step. Call it to answer "where does a premium request go?" or \
        to check a canary split before applying it. Add sample {count, seed} for a seeded \
        draw of count requests per request, like a curl loop piped to sort | uniq -c. Add \
        sessions {users, requestsPerUser, pinning?, pinTo?, newWeights?} to see what users \
        actually get when sessions pin them: the effective request and user shares per backend \
        over the stage and after a weight change. For gRPC \
        give GRPCRoute yaml and requests {service, method, headers?, host?}: GRPCRoute \
        precedence (hostname, service, method, header characters and counts, then oldest \
        route, namespace/name, rule order); no match is UNIMPLEMENTED (404), a rule that can \
        send nowhere UNAVAILABLE (503).""";
  }

  @Override
  SimulateResult call(SimulateRequest request) {
    return Simulator.simulate(request);
  }

  @Override
  String text(SimulateResult result) {
    return SimulationText.of(result);
  }
}
