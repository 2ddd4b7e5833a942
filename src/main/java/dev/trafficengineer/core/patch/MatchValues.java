package dev.trafficengineer.core.patch;

import java.util.List;

/** Collects the match values a route as read holds; an absent value is not collected. */
final class MatchValues {
  private MatchValues() {}

  static void add(List<RouteRules.MatchValue> values, String path, Object value) {
    if (value != null) {
      values.add(new RouteRules.MatchValue(path, value));
    }
  }

  /** A header or query-parameter match: name, type and value, in that order. */
  static void keyValue(
      List<RouteRules.MatchValue> values, String at, String name, String type, String value) {
    add(values, at + "/name", name);
    add(values, at + "/type", type);
    add(values, at + "/value", value);
  }
}
