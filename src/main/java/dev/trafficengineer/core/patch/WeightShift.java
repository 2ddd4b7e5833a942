package dev.trafficengineer.core.patch;

import dev.trafficengineer.core.input.InputRules;
import dev.trafficengineer.core.input.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Moves traffic away from one Service ({@link #drain}) or onto it ({@link #fill}) in every rule of
 * a route that sends to it, by weights only; rules that do not list the Service are left alone. The
 * result is the new weights per touched rule, the guarded patch that sets them, and warnings for
 * rules that weights cannot change.
 */
public final class WeightShift {
  /** One rule's weights before and after, in backend order; an omitted weight reads as 1. */
  public record RuleChange(
      int rule, List<String> backends, List<Integer> before, List<Integer> after) {
    /** "rule 1: task-api-stable 90 -> 100, task-api-canary 10 -> 0". */
    public String describe() {
      StringBuilder text = new StringBuilder("rule ").append(rule).append(':');
      for (int i = 0; i < backends.size(); i++) {
        text.append(i == 0 ? " " : ", ").append(backends.get(i)).append(' ').append(before.get(i));
        if (!before.get(i).equals(after.get(i))) {
          text.append(" -> ").append(after.get(i));
        }
      }
      return text.toString();
    }
  }

  private final RouteRules route;
  private final List<RuleChange> changes = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final List<Integer> rulesSendingToService = new ArrayList<>();

  private WeightShift(RouteRules route) {
    this.route = route;
  }

  /**
   * {@code service} to weight 0 in every rule that lists it. The other backends keep their weights
   * when two or more of them already carry traffic (their proportions are then exactly what they
   * were); a single one takes the drained weight too, so percent weights still read as percent
   * (90/10 becomes 100/0); when none carries traffic, each takes the drained weight and they share
   * equally. A rule that lists only {@code service} is not changed: there is nothing to send its
   * traffic to, and a weight of 0 would turn its requests into errors.
   */
  public static WeightShift drain(RouteRules route, String service) {
    WeightShift shift = new WeightShift(route);
    shift.forEachRuleWith(service, shift::drainRule);
    return shift;
  }

  /**
   * {@code service} takes all traffic of every rule that lists it: its weight becomes the rule's
   * total (100 for percent weights, at most the Gateway API maximum), every other backend 0.
   */
  public static WeightShift fill(RouteRules route, String service) {
    WeightShift shift = new WeightShift(route);
    shift.forEachRuleWith(service, shift::fillRule);
    return shift;
  }

  /**
   * Every backend named in {@code weights} gets that weight, in every rule that lists it; the other
   * backends keep theirs. Refused when a named Service is in no rule, a weight is outside 0 to
   * 1,000,000, or a rule would be left sending no traffic at all (its requests would get errors).
   */
  public static WeightShift set(RouteRules route, Map<String, Integer> weights) {
    if (weights == null || weights.isEmpty()) {
      throw InvalidInputException.missing("weights");
    }
    weights.forEach(
        (service, weight) -> {
          InputRules.label("weights", service);
          if (weight == null || weight < 0 || weight > InputRules.MAX_WEIGHT) {
            throw new InvalidInputException(
                "weights." + service, weight, "must be an integer from 0 to 1000000");
          }
        });
    WeightShift shift = new WeightShift(route);
    String namespace = route.namespace();
    List<RouteRules.Rule> rules = route.rules();
    for (String service : new TreeSet<>(weights.keySet())) {
      boolean listed =
          rules.stream()
              .flatMap(rule -> rule.backends().stream())
              .anyMatch(backend -> backend.isService(service, namespace));
      if (!listed) {
        throw new InvalidInputException(
            "weights." + service, service, "is not a backend of any rule of the route");
      }
    }
    for (int r = 0; r < rules.size(); r++) {
      List<RouteRules.Backend> backends = rules.get(r).backends();
      if (backends.isEmpty()) {
        continue;
      }
      List<Integer> before = rules.get(r).weights();
      List<Integer> after = new ArrayList<>(before);
      boolean named = false;
      for (int b = 0; b < backends.size(); b++) {
        for (Map.Entry<String, Integer> entry : weights.entrySet()) {
          if (backends.get(b).isService(entry.getKey(), namespace)) {
            after.set(b, entry.getValue());
            named = true;
          }
        }
      }
      if (!named) {
        continue;
      }
      shift.rulesSendingToService.add(r);
      if (after.stream().allMatch(weight -> weight == 0)) {
        throw new InvalidInputException(
            "weights",
            weights,
            "would leave rule "
                + r
                + " with weight 0 on every backend: its requests would get errors");
      }
      shift.changed(r, rules.get(r), after);
    }
    return shift;
  }

  public List<RuleChange> changes() {
    return List.copyOf(changes);
  }

  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** Indices of the rules that list the Service, changed or not. */
  public List<Integer> rulesSendingToService() {
    return List.copyOf(rulesSendingToService);
  }

  /** The guarded JSON Patch that sets the new weights; empty when nothing changes. */
  public List<JsonPatchOperation> operations() {
    GuardedWeightPatch patch = GuardedWeightPatch.on(route);
    changes.forEach(change -> patch.rule(change.rule(), change.after()));
    return patch.operations();
  }

  private interface RuleShift {
    void apply(int ruleIndex, RouteRules.Rule rule, boolean[] isService);
  }

  private void forEachRuleWith(String service, RuleShift shift) {
    List<RouteRules.Rule> rules = route.rules();
    for (int r = 0; r < rules.size(); r++) {
      List<RouteRules.Backend> backends = rules.get(r).backends();
      if (backends.isEmpty()) {
        continue;
      }
      boolean[] isService = new boolean[backends.size()];
      boolean any = false;
      for (int b = 0; b < backends.size(); b++) {
        isService[b] = backends.get(b).isService(service, route.namespace());
        any |= isService[b];
      }
      if (any) {
        rulesSendingToService.add(r);
        shift.apply(r, rules.get(r), isService);
      }
    }
  }

  private void drainRule(int ruleIndex, RouteRules.Rule rule, boolean[] isService) {
    List<RouteRules.Backend> backends = rule.backends();
    List<Integer> before = rule.weights();
    long drained = 0;
    List<Integer> others = new ArrayList<>();
    List<Integer> othersWithTraffic = new ArrayList<>();
    for (int b = 0; b < backends.size(); b++) {
      if (isService[b]) {
        drained += before.get(b);
      } else {
        others.add(b);
        if (before.get(b) > 0) {
          othersWithTraffic.add(b);
        }
      }
    }
    if (others.isEmpty()) {
      warnings.add(
          "Rule "
              + ruleIndex
              + " sends only to "
              + backends.get(0).name()
              + ": weights cannot move its traffic elsewhere, and weight 0 would answer its"
              + " requests with errors, so it is left as it is. If it is an A/B test rule, target"
              + " ab-off removes it.");
      return;
    }
    if (drained == 0) {
      return;
    }
    List<Integer> after = new ArrayList<>(before);
    for (int b = 0; b < backends.size(); b++) {
      if (isService[b]) {
        after.set(b, 0);
      }
    }
    if (othersWithTraffic.size() == 1) {
      int taker = othersWithTraffic.get(0);
      long sum = before.get(taker) + drained;
      if (sum <= InputRules.MAX_WEIGHT) {
        after.set(taker, (int) sum);
      }
    } else if (othersWithTraffic.isEmpty()) {
      int share = (int) Math.min(drained, InputRules.MAX_WEIGHT);
      others.forEach(b -> after.set(b, share));
      if (others.size() > 1) {
        warnings.add(
            "Rule "
                + ruleIndex
                + ": every other backend had weight 0, so they now share its traffic equally.");
      }
    }
    changed(ruleIndex, rule, after);
  }

  private void fillRule(int ruleIndex, RouteRules.Rule rule, boolean[] isService) {
    List<Integer> before = rule.weights();
    long total = before.stream().mapToLong(Integer::longValue).sum();
    int first = -1;
    List<Integer> after = new ArrayList<>(before);
    for (int b = 0; b < before.size(); b++) {
      if (isService[b] && first < 0) {
        first = b;
      } else {
        after.set(b, 0);
      }
    }
    after.set(first, (int) Math.min(total == 0 ? 100 : total, InputRules.MAX_WEIGHT));
    changed(ruleIndex, rule, after);
  }

  private void changed(int ruleIndex, RouteRules.Rule rule, List<Integer> after) {
    if (!rule.weights().equals(after)) {
      changes.add(
          new RuleChange(ruleIndex, rule.backendNames(), rule.weights(), List.copyOf(after)));
    }
  }
}
