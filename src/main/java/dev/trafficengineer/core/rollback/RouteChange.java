package dev.trafficengineer.core.rollback;

import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.patch.GuardedRuleRemoval;
import dev.trafficengineer.core.patch.JsonPatchOperation;
import dev.trafficengineer.core.patch.RouteRules;
import dev.trafficengineer.core.patch.WeightShift;
import java.util.ArrayList;
import java.util.List;

/**
 * The change one target makes to one route: the guarded operations, each changed rule in words,
 * warnings, the weights per rule when the change is weights only, and the indices of the rules it
 * removes.
 */
record RouteChange(
    List<JsonPatchOperation> operations,
    List<String> changes,
    List<String> warnings,
    String nothingToDo,
    List<WeightShift.RuleChange> weights,
    List<Integer> removed) {

  static RouteChange of(RouteRules route, RollbackTarget target, String service) {
    return switch (target) {
      case STABLE ->
          weights(
              WeightShift.drain(route, service),
              route,
              target,
              service,
              service + " already has weight 0 in every rule that can send elsewhere");
      case CANARY, BLUE, GREEN, TO ->
          weights(
              WeightShift.fill(route, service),
              route,
              target,
              service,
              service + " already takes all traffic of every rule that sends to it");
      case AB_OFF -> removal(route, service);
    };
  }

  private static RouteChange weights(
      WeightShift shift,
      RouteRules route,
      RollbackTarget target,
      String service,
      String nothingToDo) {
    if (shift.rulesSendingToService().isEmpty()) {
      throw notInRoute(route, target, service);
    }
    List<String> changes = shift.changes().stream().map(WeightShift.RuleChange::describe).toList();
    return new RouteChange(
        shift.operations(), changes, shift.warnings(), nothingToDo, shift.changes(), List.of());
  }

  /**
   * Removes every A/B rule (a header or query match) whose traffic all goes to {@code service}: its
   * requests then fall through to the next rule that matches them, as before the test.
   */
  private static RouteChange removal(RouteRules route, String service) {
    List<RouteRules.Rule> rules = route.rules();
    GuardedRuleRemoval removal = GuardedRuleRemoval.on(route);
    List<Integer> removed = new ArrayList<>();
    List<String> changes = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    boolean sendsToService = false;
    for (int r = 0; r < rules.size(); r++) {
      RouteRules.Rule rule = rules.get(r);
      List<RouteRules.Backend> backends = rule.backends();
      if (backends.stream().noneMatch(b -> service.equals(b.name()))) {
        continue;
      }
      sendsToService = true;
      boolean onlyService =
          backends.stream().allMatch(b -> service.equals(b.name()) || b.effectiveWeight() == 0);
      if (!onlyService) {
        warnings.add(
            "Rule "
                + r
                + " splits traffic between "
                + service
                + " and other backends; ab-off leaves it as it is (target stable sets "
                + service
                + " to weight 0 there).");
      } else if (!rule.keyed()) {
        warnings.add(
            "Rule "
                + r
                + " sends all its traffic to "
                + service
                + " but matches no header or query parameter, so it is not an A/B rule; it is"
                + " left as it is.");
      } else {
        removal.rule(r);
        removed.add(r);
        changes.add(
            "rule "
                + r
                + " ("
                + rule.matches()
                + " -> "
                + service
                + ") removed: its requests fall through to the next rule that matches them");
      }
    }
    if (!sendsToService) {
      throw notInRoute(route, RollbackTarget.AB_OFF, service);
    }
    if (!changes.isEmpty() && changes.size() == rules.size()) {
      throw new InvalidInputException(
          "canaryService",
          service,
          "receives every rule of the route: removing them all would leave the route with no"
              + " rules");
    }
    return new RouteChange(
        removal.operations(),
        List.copyOf(changes),
        List.copyOf(warnings),
        "no A/B rule sends only to " + service,
        List.of(),
        List.copyOf(removed));
  }

  /** The rules that still send {@code service} traffic once this change is made. */
  List<Integer> rulesServing(RouteRules route, String service) {
    List<Integer> serving = new ArrayList<>();
    List<RouteRules.Rule> rules = route.rules();
    for (int r = 0; r < rules.size(); r++) {
      List<RouteRules.Backend> backends = rules.get(r).backends();
      if (removed.contains(r)) {
        continue;
      }
      List<Integer> after = weightsAfter(r, rules.get(r));
      for (int b = 0; b < backends.size(); b++) {
        if (service.equals(backends.get(b).name()) && after.get(b) > 0) {
          serving.add(r);
          break;
        }
      }
    }
    return serving;
  }

  /** Whether a rule that stays in the route still names {@code service}, at any weight. */
  boolean listedAfter(RouteRules route, String service) {
    List<RouteRules.Rule> rules = route.rules();
    for (int r = 0; r < rules.size(); r++) {
      if (!removed.contains(r) && rules.get(r).backendNames().contains(service)) {
        return true;
      }
    }
    return false;
  }

  private List<Integer> weightsAfter(int index, RouteRules.Rule rule) {
    return weights.stream()
        .filter(change -> change.rule() == index)
        .findFirst()
        .map(WeightShift.RuleChange::after)
        .orElseGet(rule::weights);
  }

  /** Every rule's backends and weights as they are: "rule 0: a 100, b 0". */
  static List<String> split(RouteRules route) {
    List<String> split = new ArrayList<>();
    List<RouteRules.Rule> rules = route.rules();
    for (int r = 0; r < rules.size(); r++) {
      RouteRules.Rule rule = rules.get(r);
      if (rule.backends().isEmpty()) {
        continue;
      }
      split.add(
          new WeightShift.RuleChange(r, rule.backendNames(), rule.weights(), rule.weights())
              .describe());
    }
    return split;
  }

  private static InvalidInputException notInRoute(
      RouteRules route, RollbackTarget target, String service) {
    return new InvalidInputException(
        target.isColor() ? "target" : target == RollbackTarget.TO ? "to" : "canaryService",
        service,
        "is not a backend of any rule of the route (its backends: "
            + String.join(", ", route.backendNames())
            + ")");
  }
}
