package dev.trafficengineer.mcp;

import dev.trafficengineer.core.crd.CrdRouteValidator;
import dev.trafficengineer.core.validate.ValidateRequest;
import dev.trafficengineer.core.validate.ValidationResult;

final class ValidateRouteTool extends CoreTool<ValidateRequest, ValidationResult> {
  ValidateRouteTool() {
    super("validate_route", "Review HTTPRoute YAML", ValidateRequest.class, ValidationResult.class);
  }

  @Override
  String description() {
    return """
        Review one or more HTTPRoute YAML documents the way the API server, the Gateway \
        controller and a careful reviewer would: schema and CEL rules (names, limits, weights, \
        ports, path and header matches, filters, parentRefs, timeouts, unknown fields with a \
        did-you-mean), traffic that would fail (all weights 0, no backends), and, with expect, \
        whether it does what the user asked (namespace, gateway, split in percent). Given the \
        Gateways, ReferenceGrants, Services and EndpointSlices too, it checks the whole picture: \
        listeners that do not admit a route, rules another route shadows, backends whose share \
        gets 500 or 503 (with impact, the failing share), stale status. Call it on \
        any route the user pastes or an assistant wrote before it is applied. Returns valid \
        (false when any error is found) and findings with code, severity, JSON Pointer path, \
        line, message and fix: show the errors with their fixes, correct the YAML, and call \
        validate_route again until it is valid. When the user's cluster runs another Gateway API \
        version or the experimental channel, pass its CRD as crdYaml (and the one before an \
        upgrade as beforeCrdYaml): the schema and CEL findings are then that CRD's.""";
  }

  @Override
  ValidationResult call(ValidateRequest request) {
    return CrdRouteValidator.validate(request);
  }

  @Override
  String text(ValidationResult result) {
    return ResultText.of(result);
  }
}
