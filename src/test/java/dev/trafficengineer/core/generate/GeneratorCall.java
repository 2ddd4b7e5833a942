package dev.trafficengineer.core.generate;

import dev.trafficengineer.core.TestFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One generator call described as JSON, the form golden and refusal fixtures use: {@code
 * {"generator": "canary", "request": {...}}}. For {@code premium}, {@code routeYamlFile} names a
 * fixture (relative to {@code src/test/resources}) that becomes the request's {@code routeYaml}.
 */
public record GeneratorCall(String generator, JsonNode request, String routeYamlFile) {

  public static GeneratorCall of(JsonNode call) {
    return new GeneratorCall(
        call.path("generator").asString(),
        call.path("request"),
        call.path("routeYamlFile").isMissingNode() ? null : call.path("routeYamlFile").asString());
  }

  /** Runs the generator; for {@code rollout}, the route of the last stage. */
  public RouteResult run() {
    return switch (generator) {
      case "canary" -> CanaryGenerator.generate(as(CanaryRequest.class));
      case "blue-green" -> BlueGreenGenerator.generate(as(BlueGreenRequest.class));
      case "ab-test" -> AbTestGenerator.generate(as(AbTestRequest.class));
      case "premium" -> PremiumProtection.add(as(PremiumRuleRequest.class));
      default -> throw new IllegalArgumentException("unknown generator " + generator);
    };
  }

  /** Runs any generator, the rollout planner and the decision framework included. */
  public Object runAny() {
    return switch (generator) {
      case "rollout" -> RolloutPlanner.plan(as(RolloutRequest.class));
      case "decision" -> DecisionFramework.decide(as(DecisionRequest.class));
      default -> run();
    };
  }

  <T> T as(Class<T> type) {
    ObjectNode fields = request.isObject() ? (ObjectNode) request.deepCopy() : null;
    if (fields == null) {
      throw new IllegalArgumentException("request must be a JSON object: " + request);
    }
    if (routeYamlFile != null) {
      fields.put("routeYaml", TestFiles.read(routeYamlFile));
    }
    return TestFiles.JSON.treeToValue(fields, type);
  }
}
