package dev.trafficengineer.core.generate;

import dev.trafficengineer.core.input.InputRules;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.patch.GuardedWeightPatch;
import dev.trafficengineer.core.patch.KubectlCommands;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The command that takes a canary out of an existing route: in every rule that sends it traffic,
 * its weight goes to 0 and its share to the first other backend, through a guarded JSON Patch that
 * leaves every other rule, match and filter alone. The rollback_patch tool is the full version of
 * this (targets, verification, clean-up); the canary analysis only needs the one command.
 */
public final class CanaryRollback {
  private static final String CANARY_WORD = "canary";

  private CanaryRollback() {}

  /**
   * The kubectl command, or empty when no rule sends the canary any traffic. {@code canaryService}
   * may be left out when exactly one backend name contains "canary".
   */
  public static Optional<String> command(String routeYaml, String canaryService) {
    HTTPRoute route = RouteInput.single("routeYaml", routeYaml);
    List<HTTPRouteRule> rules = route.getSpec().getRules();
    String canary =
        canaryService == null
            ? onlyCanaryBackend(rules)
            : InputRules.label("canaryService", canaryService);
    GuardedWeightPatch patch = GuardedWeightPatch.on(route);
    boolean changed = false;
    for (int i = 0; rules != null && i < rules.size(); i++) {
      List<Integer> weights = withoutCanary(i, rules.get(i), canary);
      if (weights != null) {
        patch.rule(i, weights);
        changed = true;
      }
    }
    if (!changed) {
      return Optional.empty();
    }
    return Optional.of(
        KubectlCommands.jsonPatch(
            route.getMetadata().getNamespace(),
            route.getMetadata().getName(),
            patch.operations(),
            false));
  }

  /** The rule's new weights, or null when the canary gets nothing from it already. */
  private static List<Integer> withoutCanary(int index, HTTPRouteRule rule, String canary) {
    List<HTTPBackendRef> backends =
        rule.getBackendRefs() == null ? List.of() : rule.getBackendRefs();
    List<Integer> weights = new ArrayList<>();
    int canaryAt = -1;
    int receiver = -1;
    for (int b = 0; b < backends.size(); b++) {
      HTTPBackendRef backend = backends.get(b);
      // An omitted weight is 1, not 0: such a backend does get traffic.
      weights.add(backend.getWeight() == null ? 1 : backend.getWeight());
      if (canary.equals(backend.getName())) {
        canaryAt = b;
      } else if (receiver < 0) {
        receiver = b;
      }
    }
    if (canaryAt < 0 || weights.get(canaryAt) == 0) {
      return null;
    }
    if (receiver < 0) {
      throw new InvalidInputException(
          "routeYaml",
          "rule " + index,
          "sends traffic to "
              + canary
              + " only: no weight change can roll it back; remove the"
              + " rule or point it at the stable Service");
    }
    long sum = (long) weights.get(receiver) + weights.get(canaryAt);
    // Past the Gateway API maximum the receiver keeps its weight: with the canary at 0 it gets
    // all of the rule's traffic either way.
    weights.set(receiver, (int) Math.min(sum, InputRules.MAX_WEIGHT));
    weights.set(canaryAt, 0);
    return weights;
  }

  private static String onlyCanaryBackend(List<HTTPRouteRule> rules) {
    TreeSet<String> names = new TreeSet<>();
    if (rules != null) {
      rules.stream()
          .filter(rule -> rule.getBackendRefs() != null)
          .flatMap(rule -> rule.getBackendRefs().stream())
          .map(HTTPBackendRef::getName)
          .forEach(names::add);
    }
    List<String> canaries = names.stream().filter(name -> name.contains(CANARY_WORD)).toList();
    if (canaries.size() != 1) {
      throw new InvalidInputException(
          "canaryService",
          null,
          "is required with this routeYaml: name the canary's Service (the route's backends are "
              + String.join(", ", names)
              + ")");
    }
    return canaries.get(0);
  }
}
