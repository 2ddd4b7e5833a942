package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.validate.RouteParts.Located;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The percentage of a rule's traffic each Service gets: weight over the sum of the rule's weights,
 * an omitted weight counting as 1, a Service listed twice getting the sum.
 */
final class WeightedSplit {

  /** Percentage points within which an actual share counts as the intended one. */
  static final double TOLERANCE = 0.01;

  private final String pointer;
  private final Map<String, Double> percent;

  private WeightedSplit(String pointer, Map<String, Double> percent) {
    this.pointer = pointer;
    this.percent = percent;
  }

  /**
   * Returns the split of every plain rule: a rule with at least one match (or the default match)
   * that tests neither headers nor query parameters, which is what a request without the route's
   * special headers or query parameters can reach. Method and path conditions do not make a rule
   * special: they restrict where ordinary traffic goes, not who sends it.
   */
  static List<WeightedSplit> ofPlainRules(JsonNode route) {
    List<WeightedSplit> splits = new ArrayList<>();
    for (Located rule : RouteParts.rules(route)) {
      if (isPlain(rule.node())) {
        splits.add(of(rule));
      }
    }
    return splits;
  }

  private static boolean isPlain(JsonNode rule) {
    List<JsonNode> matches = Tree.items(rule, "matches");
    if (matches.isEmpty()) {
      return true;
    }
    for (JsonNode match : matches) {
      if (Tree.items(match, "headers").isEmpty() && Tree.items(match, "queryParams").isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static WeightedSplit of(Located rule) {
    Map<String, Long> weights = new LinkedHashMap<>();
    long total = 0;
    for (JsonNode backend : Tree.items(rule.node(), "backendRefs")) {
      String name = Tree.text(backend, "name");
      if (name == null) {
        continue;
      }
      Long weight = Tree.integer(backend, "weight");
      long effective = weight == null ? 1 : Math.max(0, Math.min(weight, WeightCheck.MAX_WEIGHT));
      weights.merge(name, effective, Long::sum);
      total += effective;
    }
    Map<String, Double> percent = new LinkedHashMap<>();
    for (Map.Entry<String, Long> entry : weights.entrySet()) {
      percent.put(entry.getKey(), total == 0 ? 0.0 : entry.getValue() * 100.0 / total);
    }
    String pointer =
        Tree.has(rule.node(), "backendRefs") ? rule.pointer() + "/backendRefs" : rule.pointer();
    return new WeightedSplit(pointer, percent);
  }

  String pointer() {
    return pointer;
  }

  boolean matches(Map<String, Integer> expected) {
    TreeSet<String> services = new TreeSet<>(expected.keySet());
    services.addAll(percent.keySet());
    for (String service : services) {
      double want = expected.getOrDefault(service, 0);
      double have = percent.getOrDefault(service, 0.0);
      if (Math.abs(want - have) > TOLERANCE) {
        return false;
      }
    }
    return true;
  }

  String describe() {
    if (percent.isEmpty()) {
      return "nowhere (no backendRefs)";
    }
    List<String> parts = new ArrayList<>();
    percent.forEach((service, share) -> parts.add(service + " " + format(share) + "%"));
    return String.join(", ", parts);
  }

  static String describe(Map<String, Integer> expected) {
    List<String> parts = new ArrayList<>();
    new TreeSet<>(expected.keySet())
        .forEach(service -> parts.add(service + " " + expected.get(service) + "%"));
    return String.join(", ", parts);
  }

  /** The weights to write: the intended percentages, and 0 for Services not intended. */
  String fixFor(Map<String, Integer> expected) {
    List<String> parts = new ArrayList<>();
    new TreeSet<>(expected.keySet())
        .forEach(service -> parts.add(service + ": " + expected.get(service)));
    for (String service : percent.keySet()) {
      if (!expected.containsKey(service)) {
        parts.add(service + ": 0");
      }
    }
    return String.join(", ", parts);
  }

  private static String format(double share) {
    return share == Math.rint(share)
        ? String.valueOf((long) share)
        : String.format(Locale.ROOT, "%.2f", share);
  }
}
