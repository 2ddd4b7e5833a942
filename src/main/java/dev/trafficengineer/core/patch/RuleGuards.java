package dev.trafficengineer.core.patch;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code test} operations that pin a rule to the one that was read, so that a patch on exact
 * indices fails instead of changing a look-alike rule that now sits at the same index.
 *
 * <p>A patch computed from a local file is applied to the live object, which carries API-server
 * defaults the file lacks: a header match gets {@code type: Exact}, a gRPC method match {@code
 * type: Exact}, a path match {@code type: PathPrefix} and {@code value: /}, a backendRef {@code
 * group: ""}, {@code kind: Service} and {@code weight: 1}, and a rule without matches gets the
 * whole default match. Testing a value that is absent from the file would fail on every live
 * object, and testing an absent list's length is not possible in RFC 6902. So only values that are
 * present in the route as read are tested: they read back unchanged from the API server, because
 * defaulting fills in only what is missing.
 */
final class RuleGuards {
  private RuleGuards() {}

  /** Tests the rule's name and every match value present in {@code rule}. */
  static List<JsonPatchOperation> identity(int ruleIndex, RouteRules.Rule rule) {
    List<JsonPatchOperation> tests = new ArrayList<>();
    String at = "/spec/rules/" + ruleIndex;
    testIfPresent(tests, at + "/name", rule.name());
    rule.matchValues()
        .forEach(value -> tests.add(JsonPatchOperation.test(at + value.path(), value.value())));
    return tests;
  }

  /** Tests a backend's name, and its port when the route as read gives one (it has no default). */
  static List<JsonPatchOperation> backend(
      int ruleIndex, int backendIndex, RouteRules.Backend backend) {
    List<JsonPatchOperation> tests = new ArrayList<>();
    String at = "/spec/rules/" + ruleIndex + "/backendRefs/" + backendIndex;
    tests.add(JsonPatchOperation.test(at + "/name", backend.name()));
    testIfPresent(tests, at + "/port", backend.port());
    return tests;
  }

  private static void testIfPresent(List<JsonPatchOperation> tests, String path, Object value) {
    if (value != null) {
      tests.add(JsonPatchOperation.test(path, value));
    }
  }
}
