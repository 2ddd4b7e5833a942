package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.validate.RouteParts.FilterList;
import dev.trafficengineer.core.validate.RouteParts.Located;
import tools.jackson.databind.JsonNode;

/**
 * TE105: the item limits of the GRPCRoute CRD's lists, which are the HTTPRoute's except that a
 * GRPCRoute may have no rules at all (its rules list has no minimum) and its matches have no query
 * parameters.
 */
final class GrpcLimitCheck {

  private GrpcLimitCheck() {}

  static void check(JsonNode route, Findings findings) {
    JsonNode spec = RouteParts.spec(route);
    LimitCheck.limit(spec, "/spec", "parentRefs", LimitCheck.MAX_PARENT_REFS, findings);
    LimitCheck.limit(spec, "/spec", "hostnames", LimitCheck.MAX_HOSTNAMES, findings);
    LimitCheck.limit(spec, "/spec", "rules", LimitCheck.MAX_RULES, findings);
    int matches = 0;
    for (Located rule : RouteParts.rules(route)) {
      JsonNode node = rule.node();
      LimitCheck.limit(node, rule.pointer(), "matches", LimitCheck.MAX_MATCHES_PER_RULE, findings);
      LimitCheck.limit(node, rule.pointer(), "backendRefs", LimitCheck.MAX_ITEMS, findings);
      LimitCheck.limit(node, rule.pointer(), "filters", LimitCheck.MAX_ITEMS, findings);
      // The CEL rule counts the matches listed; a rule without matches counts 0, not 1.
      matches += Tree.items(node, "matches").size();
      for (Located match : RouteParts.located(node, rule.pointer(), "matches")) {
        LimitCheck.limit(match.node(), match.pointer(), "headers", LimitCheck.MAX_ITEMS, findings);
      }
      for (Located backend : RouteParts.located(node, rule.pointer(), "backendRefs")) {
        LimitCheck.limit(
            backend.node(), backend.pointer(), "filters", LimitCheck.MAX_ITEMS, findings);
      }
    }
    if (matches > LimitCheck.MAX_MATCHES_PER_ROUTE) {
      findings.error(
          Codes.LIMIT,
          "/spec/rules",
          "While 16 rules and 64 matches per rule are allowed, the total number of matches across"
              + " all rules in a route must be less than 128 (this route has %d)."
                  .formatted(matches),
          "Merge matches that go to the same backends, or split the route into two GRPCRoutes.");
    }
    for (FilterList list : RouteParts.filterLists(route)) {
      for (Located filter : list.filters()) {
        for (String modifier : new String[] {"requestHeaderModifier", "responseHeaderModifier"}) {
          JsonNode body = Tree.object(filter.node(), modifier);
          String pointer = filter.pointer() + "/" + modifier;
          for (String operation : new String[] {"set", "add", "remove"}) {
            LimitCheck.limit(body, pointer, operation, LimitCheck.MAX_ITEMS, findings);
          }
        }
      }
    }
  }
}
