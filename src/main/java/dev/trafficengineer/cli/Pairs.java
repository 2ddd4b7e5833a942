package dev.trafficengineer.cli;

import dev.trafficengineer.core.analysis.Bucket;
import dev.trafficengineer.core.analysis.DeclaredSplit;
import dev.trafficengineer.core.input.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code key=value,key=value} flags: declared weights and histogram buckets. Only the shape is
 * checked here; the core checks the values and names the field.
 */
final class Pairs {
  private static final int MAX_PAIRS = 64;

  private Pairs() {}

  static DeclaredSplit declared(String text) {
    if (text == null) {
      return null;
    }
    Map<String, String> pairs = pairs("--declared", text);
    if (!pairs.keySet().equals(java.util.Set.of("stable", "canary"))) {
      throw new InvalidInputException(
          "--declared", text, "must name both versions and nothing else: stable=90,canary=10");
    }
    return new DeclaredSplit(
        number("--declared", pairs.get("stable")), number("--declared", pairs.get("canary")));
  }

  static List<Bucket> buckets(String flag, String text) {
    if (text == null) {
      return null;
    }
    List<Bucket> buckets = new ArrayList<>();
    pairs(flag, text).forEach((le, count) -> buckets.add(new Bucket(le, number(flag, count))));
    return buckets;
  }

  private static Map<String, String> pairs(String flag, String text) {
    Map<String, String> pairs = new LinkedHashMap<>();
    String[] items = text.split(",", -1);
    if (items.length > MAX_PAIRS) {
      throw new InvalidInputException(flag, text, "must have at most " + MAX_PAIRS + " pairs");
    }
    for (String item : items) {
      int eq = item.indexOf('=');
      if (eq <= 0 || eq == item.length() - 1 || pairs.containsKey(item.substring(0, eq).strip())) {
        throw new InvalidInputException(
            flag, text, "must be KEY=VALUE pairs separated by commas, each key once");
      }
      pairs.put(item.substring(0, eq).strip(), item.substring(eq + 1).strip());
    }
    return pairs;
  }

  private static Long number(String flag, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(flag, value, "must be a whole number");
    }
  }
}
