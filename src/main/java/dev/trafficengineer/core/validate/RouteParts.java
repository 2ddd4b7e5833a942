package dev.trafficengineer.core.validate;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Finds the repeated parts of a route (rules, filters) together with their JSON Pointers. */
final class RouteParts {

  /** One node of the route and where it is. */
  record Located(JsonNode node, String pointer) {}

  private RouteParts() {}

  /**
   * Returns the route's namespace, or null when it has none: an empty one is the API server's "not
   * given" too, and the request's namespace is used.
   */
  static String namespace(JsonNode route) {
    String namespace = Tree.text(Tree.object(route, "metadata"), "namespace");
    return namespace == null || namespace.isEmpty() ? null : namespace;
  }

  static JsonNode spec(JsonNode route) {
    return Tree.object(route, "spec");
  }

  /** Returns the rules, each with its pointer. */
  static List<Located> rules(JsonNode route) {
    return located(spec(route), "/spec", "rules");
  }

  /** Returns the items of the list {@code field} of {@code parent}, each with its pointer. */
  static List<Located> located(JsonNode parent, String parentPointer, String field) {
    List<JsonNode> items = Tree.items(parent, field);
    List<Located> located = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      located.add(new Located(items.get(i), parentPointer + "/" + field + "/" + i));
    }
    return located;
  }

  /**
   * Returns every filter list of the route: each rule's and each backendRef's, with the rule it
   * belongs to.
   */
  static List<FilterList> filterLists(JsonNode route) {
    List<FilterList> lists = new ArrayList<>();
    for (Located rule : rules(route)) {
      lists.add(new FilterList(rule, located(rule.node(), rule.pointer(), "filters")));
      for (Located backend : located(rule.node(), rule.pointer(), "backendRefs")) {
        List<Located> filters = located(backend.node(), backend.pointer(), "filters");
        if (!filters.isEmpty()) {
          lists.add(new FilterList(rule, filters));
        }
      }
    }
    return lists;
  }

  /** The filters of one rule or one backendRef, and the rule they are in. */
  record FilterList(Located rule, List<Located> filters) {}
}
