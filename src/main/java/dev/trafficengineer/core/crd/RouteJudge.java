package dev.trafficengineer.core.crd;

import dev.trafficengineer.core.crd.Violation.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Judges one route document as the API server would on create, given the route's CRD: ObjectMeta
 * rules, then the schema's defaults, then the structural schema, then (when nothing blocks them)
 * every CEL rule.
 */
final class RouteJudge {

  private RouteJudge() {}

  /**
   * Every reason the API server would refuse {@code document}; empty when it would accept it. The
   * CEL rules are evaluated within {@code budget}, shared by the documents of one call.
   */
  static List<Violation> judge(JsonNode document, RouteCrd crd, CelBudget budget) {
    List<Violation> violations = new ArrayList<>();
    Object root = PlainValues.of(document);
    if (!(root instanceof Map<?, ?>)) {
      violations.add(Violation.type("", root, "object"));
      return violations;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> object = (Map<String, Object>) root;
    String version = version(object, crd, violations);
    if (version == null) {
      return violations;
    }
    SchemaNode schema = crd.schema(version);
    if (crd.hasStatusSubresource(version)) {
      // With a status subresource the server drops status from a create.
      object.remove("status");
    }
    new MetadataCheck(violations).check(object.get("metadata"));
    Defaulting.apply(object, schema);
    new StructuralCheck(violations).check(object, schema, "");
    if (violations.stream().noneMatch(v -> v.kind().blocksRules())) {
      new RuleCheck(violations, budget).checkDocument(object, schema);
    }
    return violations;
  }

  /** The served version the document's apiVersion names, or null with the reason. */
  private static String version(Map<String, Object> route, RouteCrd crd, List<Violation> out) {
    Object apiVersion = route.get("apiVersion");
    Object kind = route.get("kind");
    String prefix = crd.group() + "/";
    if (!crd.kind().equals(kind)) {
      out.add(
          new Violation(
              Kind.KIND, "/kind", PlainValues.describe(kind), "must be " + crd.kind(), crd.kind()));
      return null;
    }
    if (apiVersion instanceof String text && text.startsWith(prefix)) {
      String version = text.substring(prefix.length());
      if (crd.schema(version) != null) {
        return version;
      }
    }
    out.add(
        new Violation(
            Kind.KIND,
            "/apiVersion",
            PlainValues.describe(apiVersion),
            "the " + crd.kind() + " CRD serves " + served(crd, prefix),
            served(crd, prefix)));
    return null;
  }

  private static String served(RouteCrd crd, String prefix) {
    List<String> names = new ArrayList<>();
    crd.servedVersions().forEach(v -> names.add(prefix + v));
    return String.join(", ", names);
  }
}
