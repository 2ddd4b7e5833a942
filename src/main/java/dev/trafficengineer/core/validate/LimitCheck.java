package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.validate.RouteParts.FilterList;
import dev.trafficengineer.core.validate.RouteParts.Located;
import tools.jackson.databind.JsonNode;

/** TE105: the item limits of the HTTPRoute CRD's lists. */
final class LimitCheck {

  static final int MAX_PARENT_REFS = 32;
  static final int MAX_HOSTNAMES = 16;
  static final int MAX_RULES = 16;
  static final int MAX_MATCHES_PER_RULE = 64;
  static final int MAX_MATCHES_PER_ROUTE = 128;
  static final int MAX_ITEMS = 16;

  private LimitCheck() {}

  static void check(JsonNode route, Findings findings) {
    JsonNode spec = RouteParts.spec(route);
    limit(spec, "/spec", "parentRefs", MAX_PARENT_REFS, findings);
    limit(spec, "/spec", "hostnames", MAX_HOSTNAMES, findings);
    limit(spec, "/spec", "rules", MAX_RULES, findings);
    JsonNode rules = spec == null ? null : spec.get("rules");
    if (rules != null && rules.isArray() && rules.isEmpty()) {
      findings.error(
          Codes.LIMIT,
          "/spec/rules",
          "rules is an empty list; the API server requires at least one rule (since Gateway API"
              + " v1.5).",
          "Add a rule with backendRefs, or remove rules to get the default rule.");
    }
    int matches = 0;
    for (Located rule : RouteParts.rules(route)) {
      JsonNode node = rule.node();
      limit(node, rule.pointer(), "matches", MAX_MATCHES_PER_RULE, findings);
      limit(node, rule.pointer(), "backendRefs", MAX_ITEMS, findings);
      // An omitted matches list defaults to one match before the CEL rule counts; an empty one
      // counts 0.
      matches += Tree.has(node, "matches") ? Tree.items(node, "matches").size() : 1;
      for (Located match : RouteParts.located(node, rule.pointer(), "matches")) {
        limit(match.node(), match.pointer(), "headers", MAX_ITEMS, findings);
        limit(match.node(), match.pointer(), "queryParams", MAX_ITEMS, findings);
      }
      limit(node, rule.pointer(), "filters", MAX_ITEMS, findings);
      for (Located backend : RouteParts.located(node, rule.pointer(), "backendRefs")) {
        limit(backend.node(), backend.pointer(), "filters", MAX_ITEMS, findings);
      }
    }
    if (matches > MAX_MATCHES_PER_ROUTE) {
      findings.error(
          Codes.LIMIT,
          "/spec/rules",
          "While 16 rules and 64 matches per rule are allowed, the total number of matches across"
              + " all rules in a route must be less than 128 (this route has %d)."
                  .formatted(matches),
          "Merge matches that go to the same backends, or split the route into two HTTPRoutes.");
    }
    for (FilterList list : RouteParts.filterLists(route)) {
      for (Located filter : list.filters()) {
        for (String modifier : new String[] {"requestHeaderModifier", "responseHeaderModifier"}) {
          JsonNode body = Tree.object(filter.node(), modifier);
          String pointer = filter.pointer() + "/" + modifier;
          for (String operation : new String[] {"set", "add", "remove"}) {
            limit(body, pointer, operation, MAX_ITEMS, findings);
          }
        }
      }
    }
  }

  static void limit(JsonNode parent, String pointer, String field, int max, Findings findings) {
    JsonNode list = parent == null ? null : parent.get(field);
    if (list != null && list.isArray() && list.size() > max) {
      findings.error(
          Codes.LIMIT,
          pointer + "/" + field,
          "%s has %d items; the API server allows at most %d and rejects the route."
              .formatted(FieldPath.of(pointer + "/" + field), list.size(), max),
          fixFor(field, max));
    }
  }

  private static String fixFor(String field, int max) {
    return switch (field) {
      case "rules" -> "Split the route into several HTTPRoutes of at most %d rules.".formatted(max);
      case "hostnames" ->
          "Use a wildcard hostname (*.example.com) or split the route; at most %d.".formatted(max);
      case "matches" ->
          "Merge matches or move some into another rule; at most %d per rule.".formatted(max);
      default -> "Remove items until at most %d remain.".formatted(max);
    };
  }
}
