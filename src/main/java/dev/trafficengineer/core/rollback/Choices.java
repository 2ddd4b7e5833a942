package dev.trafficengineer.core.rollback;

import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.patch.RouteRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The explicit requests that fit a route, each computed by the engine itself (so the line says what
 * that request would really do): {@code target} blue and green when backends are named so, {@code
 * canaryService} for every backend that shares a rule and is not named {@code *-stable}, and {@code
 * to} for every backend that shares a rule. A request the engine would refuse is left out.
 */
final class Choices {
  private final String routeYaml;
  private final RouteRules route;
  private final String target;
  private final boolean listed;

  /**
   * @param target the refused request's target: a canaryService choice keeps it (the Service to
   *     roll back, or to promote)
   * @param listed false for a choice's own computation, whose refusal is only left out
   */
  Choices(String routeYaml, RouteRules route, String target, boolean listed) {
    this.routeYaml = routeYaml;
    this.route = route;
    this.target = target;
    this.listed = listed;
  }

  /** Computed only when a refusal needs them. */
  List<RollbackChoice> list() {
    if (!listed) {
      return List.of();
    }
    List<RollbackChoice> choices = new ArrayList<>();
    for (String color : List.of("blue", "green")) {
      add(choices, "target", color, new RollbackRequest(routeYaml, null, null, null, color, null));
    }
    Set<String> shared = sharedBackends(route);
    for (String service : shared) {
      if (!service.equals("stable") && !service.endsWith("-stable")) {
        add(
            choices,
            "canaryService",
            service,
            new RollbackRequest(routeYaml, null, null, service, target, null));
      }
    }
    for (String service : shared) {
      add(choices, "to", service, new RollbackRequest(routeYaml, null, null, null, null, service));
    }
    return List.copyOf(choices);
  }

  private static void add(
      List<RollbackChoice> choices, String field, String value, RollbackRequest request) {
    RollbackResult result;
    try {
      result = Rollback.choice(request);
    } catch (InvalidInputException e) {
      return;
    }
    String effect =
        result.nothingToChange() != null
            ? "nothing to change"
            : String.join("; ", result.changes());
    choices.add(new RollbackChoice(field, value, effect));
  }

  /** Backends listed in a rule together with another backend, in route order. */
  private static Set<String> sharedBackends(RouteRules route) {
    Set<String> names = new LinkedHashSet<>();
    for (RouteRules.Rule rule : route.rules()) {
      if (rule.backends().size() > 1) {
        rule.backendNames().stream().filter(name -> name != null).forEach(names::add);
      }
    }
    return names;
  }
}
