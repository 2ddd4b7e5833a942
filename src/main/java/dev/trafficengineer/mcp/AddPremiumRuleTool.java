package dev.trafficengineer.mcp;

import dev.trafficengineer.core.generate.PremiumProtection;
import dev.trafficengineer.core.generate.PremiumRuleRequest;
import dev.trafficengineer.core.generate.RouteResult;

final class AddPremiumRuleTool extends CoreTool<PremiumRuleRequest, RouteResult> {
  AddPremiumRuleTool() {
    super(
        "add_premium_rule",
        "Protect premium traffic in a route",
        PremiumRuleRequest.class,
        RouteResult.class);
  }

  @Override
  String description() {
    return """
        Add a rule to an existing HTTPRoute (routeYaml) so that requests with a header \
        (default x-api-tier: premium) reach only one Service, whatever the rest of the route \
        does: e.g. keep premium customers on the stable version during a canary or A/B test. \
        The new rule provably outranks every other rule for those requests under Gateway API \
        precedence; the other rules are kept as they are. Give port only if the route does not \
        already send to that Service. Returns the new YAML, the split of each rule and the \
        dry-run, apply and verification commands. Nothing is applied. A GRPCRoute works the \
        same way (its kind is read from the YAML): the twins are proved with GRPCRoute \
        precedence.""";
  }

  @Override
  RouteResult call(PremiumRuleRequest request) {
    return PremiumProtection.add(request);
  }

  @Override
  String text(RouteResult result) {
    return ResultText.of(result);
  }
}
