package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.validate.RouteParts.Located;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/** TE404, TE112 and the parentRef port: what the route attaches to. */
final class ParentRefCheck {

  private ParentRefCheck() {}

  static void check(JsonNode route, Findings findings) {
    if (RouteParts.spec(route) == null) {
      // No spec, or not a mapping: the schema check has reported it.
      return;
    }
    JsonNode declared =
        Tree.has(RouteParts.spec(route), "parentRefs") ? route.get("spec").get("parentRefs") : null;
    if (declared != null && !declared.isArray()) {
      // SchemaCheck has reported the wrong type; "no parentRefs" would only repeat it.
      return;
    }
    List<Located> parents = RouteParts.located(RouteParts.spec(route), "/spec", "parentRefs");
    if (parents.isEmpty()) {
      findings.error(
          Codes.NO_PARENTS,
          declared != null ? "/spec/parentRefs" : "/spec",
          "The route has no parentRefs, so it attaches to no Gateway and serves no traffic.",
          "Add spec.parentRefs with the Gateway to attach to, e.g. - name: my-gateway");
      return;
    }
    for (Located parent : parents) {
      Long port = Tree.integer(parent.node(), "port");
      if (port != null) {
        BackendRefCheck.portRange(port, parent.pointer() + "/port", "parentRef", findings);
      }
    }
    sections(parents, findings);
  }

  /**
   * The two standard-channel CEL rules on parentRefs; "same parent" means the same group, kind,
   * name and namespace, an omitted namespace differing from an explicit one as the CEL has it.
   */
  private static void sections(List<Located> parents, Findings findings) {
    for (int i = 0; i < parents.size(); i++) {
      Located later = parents.get(i);
      for (int j = 0; j < i; j++) {
        Located earlier = parents.get(j);
        if (!sameParent(earlier.node(), later.node())) {
          continue;
        }
        String first = section(earlier.node());
        String second = section(later.node());
        if ((first == null) != (second == null)) {
          findings.error(
              Codes.PARENT_SECTION,
              later.pointer(),
              "sectionName must be specified when parentRefs includes 2 or more references to the"
                  + " same parent: parentRefs %d and %d both name %s.".formatted(j, i, name(later)),
              "Give each reference to this Gateway its own sectionName (the listener name), or"
                  + " keep one reference without sectionName to attach to every listener.");
          return;
        }
        if (Objects.equals(first, second)) {
          findings.error(
              Codes.PARENT_SECTION,
              later.pointer(),
              "sectionName must be unique when parentRefs includes 2 or more references to the"
                  + " same parent: parentRefs %d and %d both name %s%s."
                      .formatted(
                          j,
                          i,
                          name(later),
                          first == null ? " without sectionName" : " section " + first),
              "Remove the duplicate parentRef, or point each one at a different listener with"
                  + " sectionName.");
          return;
        }
      }
    }
  }

  private static boolean sameParent(JsonNode a, JsonNode b) {
    return Objects.equals(
            valueOr(a, "group", "gateway.networking.k8s.io"),
            valueOr(b, "group", "gateway.networking.k8s.io"))
        && Objects.equals(valueOr(a, "kind", "Gateway"), valueOr(b, "kind", "Gateway"))
        && Tree.text(a, "name") != null
        && Tree.text(a, "name").equals(Tree.text(b, "name"))
        && Objects.equals(valueOr(a, "namespace", ""), valueOr(b, "namespace", ""));
  }

  private static String valueOr(JsonNode ref, String field, String otherwise) {
    String value = Tree.text(ref, field);
    return value == null ? otherwise : value;
  }

  private static String section(JsonNode ref) {
    String section = Tree.text(ref, "sectionName");
    return section == null || section.isEmpty() ? null : section;
  }

  private static String name(Located ref) {
    return "\"" + Tree.text(ref.node(), "name") + "\"";
  }
}
