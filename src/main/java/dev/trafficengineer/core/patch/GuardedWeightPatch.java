package dev.trafficengineer.core.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A JSON Patch that changes backend weights on exact indices and only there. Before changing
 * anything it tests what identifies each touched rule (its name and match values, see {@link
 * RuleGuards}), the name and port of every backend of the rule, and every weight it is about to
 * change: if the route was edited since it was read (rules inserted, backends reordered, weights
 * moved), the patch fails as a whole instead of sending traffic to the wrong backend. A merge patch
 * cannot do this: it replaces the whole {@code rules} list.
 */
public final class GuardedWeightPatch {
  private final RouteRules route;
  private final List<JsonPatchOperation> guards = new ArrayList<>();
  private final List<JsonPatchOperation> changes = new ArrayList<>();

  private GuardedWeightPatch(RouteRules route) {
    this.route = route;
  }

  public static GuardedWeightPatch on(RouteRules route) {
    return new GuardedWeightPatch(route);
  }

  /**
   * Sets the weights of rule {@code ruleIndex}, one per backend in list order. Backends whose
   * weight does not change are guarded by name and port only.
   */
  public GuardedWeightPatch rule(int ruleIndex, List<Integer> weights) {
    RouteRules.Rule rule = route.rules().get(ruleIndex);
    List<RouteRules.Backend> backends = rule.backends();
    if (backends.size() != weights.size()) {
      throw new IllegalArgumentException(
          "rule " + ruleIndex + " has " + backends.size() + " backends, not " + weights.size());
    }
    guards.addAll(RuleGuards.identity(ruleIndex, rule));
    for (int i = 0; i < backends.size(); i++) {
      RouteRules.Backend backend = backends.get(i);
      String at = "/spec/rules/" + ruleIndex + "/backendRefs/" + i;
      guards.addAll(RuleGuards.backend(ruleIndex, i, backend));
      Integer current = backend.weight();
      int target = weights.get(i);
      if (Objects.equals(current, target)) {
        continue;
      }
      if (current == null) {
        // An omitted weight reads back as 1 from a cluster but is absent in a local file, so
        // neither "test" nor "replace" works for both; "add" sets the member either way.
        changes.add(JsonPatchOperation.add(at + "/weight", target));
      } else {
        guards.add(JsonPatchOperation.test(at + "/weight", current));
        changes.add(JsonPatchOperation.replace(at + "/weight", target));
      }
    }
    return this;
  }

  /** The guards first, then the changes: RFC 6902 applies them in order and all-or-nothing. */
  public List<JsonPatchOperation> operations() {
    List<JsonPatchOperation> all = new ArrayList<>(guards);
    all.addAll(changes);
    return List.copyOf(all);
  }
}
