package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.validate.RouteParts.FilterList;
import dev.trafficengineer.core.validate.RouteParts.Located;
import java.util.ArrayList;
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
    for (Located rule : RouteParts.rules(route)) {
      replacePrefix(rule, findings);
    }
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

  /**
   * The four CEL rules on a rule's path.replacePrefixMatch filters. Each counts with exists_one:
   * the rule's filters that carry such a redirect (or rewrite), and the backendRefs whose filters
   * carry exactly one; only when exactly one is found must the rule have one PathPrefix match. Two
   * backendRefs with the same rewrite pass these rules.
   */
  private static void replacePrefix(Located rule, Findings findings) {
    if (singlePrefixMatch(rule.node())) {
      return;
    }
    for (String config : new String[] {"requestRedirect", "urlRewrite"}) {
      List<Located> ruleLevel = prefixReplacing(rule.node(), rule.pointer(), config);
      if (ruleLevel.size() == 1) {
        replacePrefixError(ruleLevel.get(0), config, "When using", findings);
      }
      List<Located> backendLevel = new ArrayList<>();
      for (Located backend : RouteParts.located(rule.node(), rule.pointer(), "backendRefs")) {
        List<Located> filters = prefixReplacing(backend.node(), backend.pointer(), config);
        if (filters.size() == 1) {
          backendLevel.add(filters.get(0));
        }
      }
      if (backendLevel.size() == 1) {
        // The upstream messages, down to the capital "When" of the backendRefs URLRewrite one.
        String opening =
            config.equals("requestRedirect")
                ? "Within backendRefs, when using"
                : "Within backendRefs, When using";
        replacePrefixError(backendLevel.get(0), config, opening, findings);
      }
    }
  }

  /** The filters of {@code parent} whose {@code config} replaces a prefix, as the CEL tests it. */
  private static List<Located> prefixReplacing(JsonNode parent, String pointer, String config) {
    List<Located> found = new ArrayList<>();
    for (Located filter : RouteParts.located(parent, pointer, "filters")) {
      JsonNode path = Tree.object(Tree.object(filter.node(), config), "path");
      if ("ReplacePrefixMatch".equals(Tree.text(path, "type"))
          && Tree.has(path, "replacePrefixMatch")) {
        found.add(filter);
      }
    }
    return found;
  }

  private static void replacePrefixError(
      Located filter, String config, String opening, Findings findings) {
    String type = config.equals("requestRedirect") ? "RequestRedirect" : "URLRewrite";
    findings.error(
        Codes.FILTER,
        filter.pointer() + "/" + config + "/path",
        opening
            + " %s filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified"
                .formatted(type)
            + ": with several matches the prefix to replace would be ambiguous.",
        "Give this rule exactly one match with a PathPrefix path, or use ReplaceFullPath.");
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
