package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.validate.RouteParts.Located;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What the user said they wanted: namespace (TE402), gateway (TE403) and split (TE203). */
final class IntentCheck {

  private IntentCheck() {}

  static void check(JsonNode route, Expectation expect, Findings findings) {
    String namespace = RouteParts.namespace(route);
    if (expect.namespace() != null && namespace != null && !namespace.equals(expect.namespace())) {
      findings.error(
          Codes.NAMESPACE,
          "/metadata/namespace",
          "The route is in namespace \"%s\", but it is meant for \"%s\"; it would attach next to the wrong Services, or not at all."
              .formatted(namespace, expect.namespace()),
          "Set metadata.namespace: %s.".formatted(expect.namespace()));
    }
    if (expect.gateway() != null) {
      gateway(route, expect.gateway(), findings);
    }
    if (expect.split() != null) {
      split(route, expect.split(), findings);
    }
  }

  private static void gateway(JsonNode route, String gateway, Findings findings) {
    List<Located> parents = RouteParts.located(RouteParts.spec(route), "/spec", "parentRefs");
    if (parents.isEmpty()) {
      // TE404 already says the route attaches to nothing.
      return;
    }
    for (Located parent : parents) {
      String kind = Tree.text(parent.node(), "kind");
      if (gateway.equals(Tree.text(parent.node(), "name"))
          && (kind == null || kind.equals("Gateway"))) {
        return;
      }
    }
    findings.error(
        Codes.GATEWAY,
        "/spec/parentRefs",
        "No parentRef names Gateway \"%s\", so the route does not attach where it is meant to and its traffic never goes through that Gateway."
            .formatted(gateway),
        "Add (or correct) a parentRef: - name: %s".formatted(gateway));
  }

  private static void split(JsonNode route, Map<String, Integer> expected, Findings findings) {
    List<WeightedSplit> splits = WeightedSplit.ofPlainRules(route);
    if (splits.isEmpty()) {
      findings.error(
          Codes.SPLIT,
          Tree.has(route, "spec") ? "/spec/rules" : "",
          "Every rule of this route requires a header or query parameter, so a request without"
              + " them matches no rule and gets a 404 instead of the intended split "
              + WeightedSplit.describe(expected)
              + ".",
          "Add a rule without header or query parameter matches whose backendRefs carry the"
              + " intended weights.");
      return;
    }
    for (WeightedSplit split : splits) {
      if (!split.matches(expected)) {
        findings.error(
            Codes.SPLIT,
            split.pointer(),
            "Requests without the route's special headers or query parameters are split %s here, but the intended split is %s."
                .formatted(split.describe(), WeightedSplit.describe(expected)),
            "Set the weights of this rule's backendRefs to " + split.fixFor(expected) + ".");
      }
    }
  }
}
