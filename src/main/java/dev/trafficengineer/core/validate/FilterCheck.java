package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.validate.RouteParts.FilterList;
import dev.trafficengineer.core.validate.RouteParts.Located;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * TE111 and the filter enums (TE114) for HTTPRoutes: each filter as {@link FilterTypes} checks it,
 * then the CEL rules on how filters combine with each other and with a rule's backendRefs and
 * matches (redirect, rewrite), which GRPCRoute filters do not have.
 */
final class FilterCheck {

  private FilterCheck() {}

  static void check(JsonNode route, Findings findings) {
    for (FilterList list : RouteParts.filterLists(route)) {
      Set<String> types = FilterTypes.check(list, FilterTypes.HTTP, findings);
      if (types.contains("RequestRedirect") && types.contains("URLRewrite")) {
        findings.error(
            Codes.FILTER,
            listPointer(list),
            "May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite,"
                + " but not both: a redirect answers the client itself, so there is nothing left"
                + " to rewrite.",
            "Keep RequestRedirect to send clients elsewhere, or URLRewrite to forward the"
                + " rewritten request to the backends.");
      }
      boolean ruleLevel = list.filters().isEmpty() || isRuleLevel(list);
      replacePrefix(list, ruleLevel, findings);
      if (ruleLevel
          && types.contains("RequestRedirect")
          && !Tree.items(list.rule().node(), "backendRefs").isEmpty()) {
        findings.error(
            Codes.FILTER,
            list.rule().pointer() + "/backendRefs",
            "RequestRedirect filter must not be used together with backendRefs: a redirect answers"
                + " every matching request itself, so the backends would never be used.",
            "Remove backendRefs from this rule, or remove the RequestRedirect filter.");
      }
    }
  }

  private static String listPointer(FilterList list) {
    String first = list.filters().get(0).pointer();
    return first.substring(0, first.lastIndexOf('/'));
  }

  private static boolean isRuleLevel(FilterList list) {
    return list.filters().get(0).pointer().startsWith(list.rule().pointer() + "/filters/");
  }

  private static void replacePrefix(FilterList list, boolean ruleLevel, Findings findings) {
    for (Located filter : list.filters()) {
      String type = Tree.text(filter.node(), "type");
      if (!"RequestRedirect".equals(type) && !"URLRewrite".equals(type)) {
        continue;
      }
      JsonNode path =
          Tree.object(Tree.object(filter.node(), FilterTypes.HTTP.configField().get(type)), "path");
      if (!"ReplacePrefixMatch".equals(Tree.text(path, "type"))
          || !Tree.has(path, "replacePrefixMatch")
          || singlePrefixMatch(list.rule().node())) {
        continue;
      }
      // The upstream messages, down to the capital "When" of the backendRefs URLRewrite one.
      String opening =
          ruleLevel
              ? "When using"
              : type.equals("RequestRedirect")
                  ? "Within backendRefs, when using"
                  : "Within backendRefs, When using";
      String message =
          opening
              + " %s filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified"
                  .formatted(type);
      findings.error(
          Codes.FILTER,
          filter.pointer() + "/" + FilterTypes.HTTP.configField().get(type) + "/path",
          message + ": with several matches the prefix to replace would be ambiguous.",
          "Give this rule exactly one match with a PathPrefix path, or use ReplaceFullPath.");
    }
  }

  /** After defaulting, an omitted matches list is one PathPrefix "/" match. */
  private static boolean singlePrefixMatch(JsonNode rule) {
    JsonNode matches = rule.get("matches");
    if (matches == null || matches.isNull()) {
      return true;
    }
    List<JsonNode> items = Tree.items(rule, "matches");
    if (items.size() != 1) {
      return false;
    }
    String pathType = Tree.text(Tree.object(items.get(0), "path"), "type");
    return pathType == null || pathType.equals("PathPrefix");
  }
}
