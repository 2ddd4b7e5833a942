package dev.trafficengineer.core.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A JSON Patch that removes whole rules on exact indices, after testing that each one is still the
 * rule that was read: its name and match values, and the name, port and weight of every backend. A
 * rule inserted or moved since then makes the patch fail instead of removing another rule.
 */
public final class GuardedRuleRemoval {
  private final RouteRules route;
  private final TreeSet<Integer> rules = new TreeSet<>();

  private GuardedRuleRemoval(RouteRules route) {
    this.route = route;
  }

  public static GuardedRuleRemoval on(RouteRules route) {
    return new GuardedRuleRemoval(route);
  }

  public GuardedRuleRemoval rule(int ruleIndex) {
    if (ruleIndex < 0 || ruleIndex >= route.rules().size()) {
      throw new IllegalArgumentException("no rule " + ruleIndex);
    }
    rules.add(ruleIndex);
    return this;
  }

  /**
   * Every test first, all on the indices as read; then the removals from the highest index down, so
   * that no removal shifts a rule another one is about to remove.
   */
  public List<JsonPatchOperation> operations() {
    List<JsonPatchOperation> all = new ArrayList<>();
    for (int index : rules) {
      RouteRules.Rule rule = route.rules().get(index);
      all.addAll(RuleGuards.identity(index, rule));
      List<RouteRules.Backend> backends = rule.backends();
      for (int b = 0; b < backends.size(); b++) {
        all.addAll(RuleGuards.backend(index, b, backends.get(b)));
        Integer weight = backends.get(b).weight();
        if (weight != null) {
          all.add(
              JsonPatchOperation.test(
                  "/spec/rules/" + index + "/backendRefs/" + b + "/weight", weight));
        }
      }
    }
    for (int index : rules.descendingSet()) {
      all.add(JsonPatchOperation.remove("/spec/rules/" + index));
    }
    return List.copyOf(all);
  }
}
