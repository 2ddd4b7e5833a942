package dev.trafficengineer.core.patch;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPQueryParamMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code test} operations that pin a rule to the one that was read, so that a patch on exact
 * indices fails instead of changing a look-alike rule that now sits at the same index.
 *
 * <p>A patch computed from a local file is applied to the live object, which carries API-server
 * defaults the file lacks: a header match gets {@code type: Exact}, a path match {@code type:
 * PathPrefix} and {@code value: /}, a backendRef {@code group: ""}, {@code kind: Service} and
 * {@code weight: 1}, and a rule without matches gets the whole default match. Testing a value that
 * is absent from the file would fail on every live object, and testing an absent list's length is
 * not possible in RFC 6902. So only values that are present in the route as read are tested: they
 * read back unchanged from the API server, because defaulting fills in only what is missing.
 */
final class RuleGuards {
  private RuleGuards() {}

  /** Tests the rule's name and every match value present in {@code rule}. */
  static List<JsonPatchOperation> identity(int ruleIndex, HTTPRouteRule rule) {
    List<JsonPatchOperation> tests = new ArrayList<>();
    String at = "/spec/rules/" + ruleIndex;
    testIfPresent(tests, at + "/name", rule.getName());
    List<HTTPRouteMatch> matches = rule.getMatches();
    for (int m = 0; matches != null && m < matches.size(); m++) {
      HTTPRouteMatch match = matches.get(m);
      String matchAt = at + "/matches/" + m;
      if (match.getPath() != null) {
        testIfPresent(tests, matchAt + "/path/type", match.getPath().getType());
        testIfPresent(tests, matchAt + "/path/value", match.getPath().getValue());
      }
      testIfPresent(tests, matchAt + "/method", match.getMethod());
      List<HTTPHeaderMatch> headers = match.getHeaders();
      for (int h = 0; headers != null && h < headers.size(); h++) {
        HTTPHeaderMatch header = headers.get(h);
        String headerAt = matchAt + "/headers/" + h;
        testIfPresent(tests, headerAt + "/name", header.getName());
        testIfPresent(tests, headerAt + "/type", header.getType());
        testIfPresent(tests, headerAt + "/value", header.getValue());
      }
      List<HTTPQueryParamMatch> params = match.getQueryParams();
      for (int q = 0; params != null && q < params.size(); q++) {
        HTTPQueryParamMatch param = params.get(q);
        String paramAt = matchAt + "/queryParams/" + q;
        testIfPresent(tests, paramAt + "/name", param.getName());
        testIfPresent(tests, paramAt + "/type", param.getType());
        testIfPresent(tests, paramAt + "/value", param.getValue());
      }
    }
    return tests;
  }

  /** Tests a backend's name, and its port when the route as read gives one (it has no default). */
  static List<JsonPatchOperation> backend(int ruleIndex, int backendIndex, HTTPBackendRef backend) {
    List<JsonPatchOperation> tests = new ArrayList<>();
    String at = "/spec/rules/" + ruleIndex + "/backendRefs/" + backendIndex;
    tests.add(JsonPatchOperation.test(at + "/name", backend.getName()));
    testIfPresent(tests, at + "/port", backend.getPort());
    return tests;
  }

  private static void testIfPresent(List<JsonPatchOperation> tests, String path, Object value) {
    if (value != null) {
      tests.add(JsonPatchOperation.test(path, value));
    }
  }
}
