package dev.trafficengineer.core.rollback;

import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.patch.GuardedRuleRemoval;
import dev.trafficengineer.core.patch.JsonPatchOperation;
import dev.trafficengineer.core.patch.WeightShift;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

  static RouteChange of(HTTPRoute route, RollbackTarget target, String service) {
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
      HTTPRoute route,
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
  private static RouteChange removal(HTTPRoute route, String service) {
    List<HTTPRouteRule> rules = route.getSpec().getRules();
    GuardedRuleRemoval removal = GuardedRuleRemoval.on(route);
    List<Integer> removed = new ArrayList<>();
    List<String> changes = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    boolean sendsToService = false;
    for (int r = 0; r < rules.size(); r++) {
      HTTPRouteRule rule = rules.get(r);
      List<HTTPBackendRef> backends = rule.getBackendRefs();
      if (backends == null || backends.stream().noneMatch(b -> service.equals(b.getName()))) {
        continue;
      }
      sendsToService = true;
      boolean onlyService =
          backends.stream().allMatch(b -> service.equals(b.getName()) || weight(b) == 0);
      if (!onlyService) {
        warnings.add(
            "Rule "
                + r
                + " splits traffic between "
                + service
                + " and other backends; ab-off leaves it as it is (target stable sets "
                + service
                + " to weight 0 there).");
      } else if (!CanaryInference.keyed(rule)) {
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
                + describe(rule)
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
  List<Integer> rulesServing(HTTPRoute route, String service) {
    List<Integer> serving = new ArrayList<>();
    List<HTTPRouteRule> rules = route.getSpec().getRules();
    for (int r = 0; r < rules.size(); r++) {
      List<HTTPBackendRef> backends = rules.get(r).getBackendRefs();
      if (removed.contains(r) || backends == null) {
        continue;
      }
      List<Integer> after = weightsAfter(r, backends);
      for (int b = 0; b < backends.size(); b++) {
        if (service.equals(backends.get(b).getName()) && after.get(b) > 0) {
          serving.add(r);
          break;
        }
      }
    }
    return serving;
  }

  /** Whether a rule that stays in the route still names {@code service}, at any weight. */
  boolean listedAfter(HTTPRoute route, String service) {
    List<HTTPRouteRule> rules = route.getSpec().getRules();
    for (int r = 0; r < rules.size(); r++) {
      List<HTTPBackendRef> backends = rules.get(r).getBackendRefs();
      if (!removed.contains(r)
          && backends != null
          && backends.stream().anyMatch(backend -> service.equals(backend.getName()))) {
        return true;
      }
    }
    return false;
  }

  private List<Integer> weightsAfter(int rule, List<HTTPBackendRef> backends) {
    return weights.stream()
        .filter(change -> change.rule() == rule)
        .findFirst()
        .map(WeightShift.RuleChange::after)
        .orElseGet(() -> backends.stream().map(RouteChange::weight).toList());
  }

  /** Every rule's backends and weights as they are: "rule 0: a 100, b 0". */
  static List<String> split(HTTPRoute route) {
    List<String> split = new ArrayList<>();
    List<HTTPRouteRule> rules = route.getSpec().getRules();
    for (int r = 0; r < rules.size(); r++) {
      List<HTTPBackendRef> backends = rules.get(r).getBackendRefs();
      if (backends == null || backends.isEmpty()) {
        continue;
      }
      List<Integer> weights = backends.stream().map(RouteChange::weight).toList();
      List<String> names = backends.stream().map(HTTPBackendRef::getName).toList();
      split.add(new WeightShift.RuleChange(r, names, weights, weights).describe());
    }
    return split;
  }

  private static InvalidInputException notInRoute(
      HTTPRoute route, RollbackTarget target, String service) {
    Set<String> names = new LinkedHashSet<>();
    route.getSpec().getRules().stream()
        .filter(rule -> rule.getBackendRefs() != null)
        .forEach(rule -> rule.getBackendRefs().forEach(b -> names.add(b.getName())));
    return new InvalidInputException(
        target.isColor() ? "target" : target == RollbackTarget.TO ? "to" : "canaryService",
        service,
        "is not a backend of any rule of the route (its backends: "
            + String.join(", ", names)
            + ")");
  }

  private static int weight(HTTPBackendRef backend) {
    return backend.getWeight() == null ? 1 : backend.getWeight();
  }

  /** "/api/ with x-beta-user: true", one match after another. */
  private static String describe(HTTPRouteRule rule) {
    List<String> matches = new ArrayList<>();
    for (HTTPRouteMatch match : rule.getMatches()) {
      List<String> parts = new ArrayList<>();
      if (match.getPath() != null && match.getPath().getValue() != null) {
        parts.add(match.getPath().getValue());
      }
      if (match.getHeaders() != null) {
        match.getHeaders().forEach(h -> parts.add(h.getName() + ": " + h.getValue()));
      }
      if (match.getQueryParams() != null) {
        match.getQueryParams().forEach(q -> parts.add("?" + q.getName() + "=" + q.getValue()));
      }
      matches.add(String.join(" with ", parts));
    }
    return String.join(" or ", matches);
  }
}
