package dev.trafficengineer.core.rollback;

import dev.trafficengineer.core.capacity.Capacity;
import dev.trafficengineer.core.gitops.GitOpsSource;
import dev.trafficengineer.core.input.InputRules;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.patch.KubectlCommands;
import dev.trafficengineer.core.patch.RouteRules;
import dev.trafficengineer.core.patch.WeightShift;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes the guarded JSON Patch that rolls back, switches or promotes one route (an HTTPRoute or
 * a GRPCRoute: both keep their weights at the same paths), and the commands around it. Only the
 * weights (or, for ab-off, the rules) that must change are touched; every touched rule is tested
 * first, so a route that changed since it was read makes kubectl refuse the patch as a whole. A
 * merge patch is never the answer: it replaces the whole {@code rules} list.
 *
 * <p>It never guesses toward production: a canary is inferred only when that is certain, no backend
 * at weight 0 gets traffic unless the request named it, and a Service is offered for deletion only
 * when no rule sends it traffic after the patch.
 */
public final class Rollback {
  private Rollback() {}

  public static RollbackResult compute(RollbackRequest request) {
    return compute(request, null);
  }

  /**
   * @param readyEndpoints ready endpoints per Service, counted in the cluster (live mode), or null
   *     for a route from a file; see {@link Capacity#check}
   */
  public static RollbackResult compute(
      RollbackRequest request, Map<String, Integer> readyEndpoints) {
    return compute(request, readyEndpoints, true);
  }

  /** A choice's own result: refused without choices of its own, which would never end. */
  static RollbackResult choice(RollbackRequest request) {
    return compute(request, null, false);
  }

  private static RollbackResult compute(
      RollbackRequest request, Map<String, Integer> readyEndpoints, boolean listChoices) {
    RollbackTarget target = target(request);
    if (target.isColor() && request.canaryService() != null) {
      throw new InvalidInputException(
          "canaryService",
          request.canaryService(),
          "is not used with target "
              + target.word()
              + ": the Service to switch to is the backend named *-"
              + target.word());
    }
    if (request.routeYaml() == null || request.routeYaml().isBlank()) {
      return WithoutRoute.of(request, target);
    }
    ReadRoute read = ReadRoute.of(request.routeYaml(), request.kind());
    RouteRules route = read.rules();
    String namespace = route.namespace();
    String name = route.name();
    sameAs("name", request.name(), name);
    sameAs("namespace", request.namespace(), namespace);
    InputRules.subdomain("metadata.name", name);
    InputRules.namespace("metadata.namespace", namespace);
    Choices choices = new Choices(request.routeYaml(), route, request.target(), listChoices);
    String service = service(request, route, target, choices);
    RouteChange change = RouteChange.of(route, target, service);
    refuseUnnamedRaise(request, target, service, change, choices);

    List<String> warnings = new ArrayList<>(Capacity.check(change.weights(), readyEndpoints));
    warnings.addAll(change.warnings());
    warnings.addAll(GitOpsSource.warnings(read.metadata()));
    String command = null;
    String dryRun = null;
    String mergePatch = null;
    String nothingToChange = null;
    if (change.operations().isEmpty()) {
      nothingToChange = change.nothingToDo();
    } else {
      command =
          KubectlCommands.jsonPatch(route.kind(), namespace, name, change.operations(), false);
      dryRun = KubectlCommands.jsonPatch(route.kind(), namespace, name, change.operations(), true);
      mergePatch = LosslessMergePatch.of(request.routeYaml(), change);
      if (mergePatch != null) {
        warnings.add(LosslessMergePatch.WHY_SECOND_CHOICE);
      }
    }
    return new RollbackResult(
        namespace + "/" + name,
        route.kind().kind(),
        target.word(),
        service,
        "json",
        change.operations(),
        command,
        dryRun,
        KubectlCommands.showWeights(route.kind(), namespace, name),
        change.changes(),
        nothingToChange != null
            ? List.of()
            : Cleanup.after(
                target,
                namespace,
                service,
                change.rulesServing(route, service),
                change.listedAfter(route, service),
                warnings),
        mergePatch,
        List.copyOf(warnings),
        nothingToChange,
        RouteChange.split(route));
  }

  private static RollbackTarget target(RollbackRequest request) {
    if (request.to() == null) {
      return RollbackTarget.parse(request.target());
    }
    for (String other : new String[] {request.target(), request.canaryService()}) {
      if (other != null) {
        throw new InvalidInputException(
            "to",
            request.to(),
            "is used alone: it names where all traffic goes, so target and canaryService are"
                + " not given with it");
      }
    }
    return RollbackTarget.TO;
  }

  private static void sameAs(String field, String given, String inRoute) {
    if (given != null && !given.equals(inRoute)) {
      throw new InvalidInputException(
          field,
          given,
          "differs from the route's metadata."
              + field
              + " ("
              + inRoute
              + "): the patch would go to another route");
    }
  }

  private static String service(
      RollbackRequest request, RouteRules route, RollbackTarget target, Choices choices) {
    if (target.isColor()) {
      return CanaryInference.color(route, target.word());
    }
    if (target == RollbackTarget.TO) {
      return InputRules.label("to", request.to());
    }
    if (request.canaryService() != null) {
      return InputRules.label("canaryService", request.canaryService());
    }
    if (target == RollbackTarget.AB_OFF) {
      return CanaryInference.testService(route);
    }
    Set<String> candidates = CanaryInference.canaryCandidates(route);
    if (candidates.size() == 1) {
      return candidates.iterator().next();
    }
    throw new TargetRefused(
        target.word(),
        (candidates.isEmpty()
                ? "no backend is certainly the canary: none is named *-canary, and none carries"
                    + " traffic and strictly under half of every rule it shares with another"
                    + " backend"
                    + CanaryInference.allOrNothing(route)
                : "several backends could be the canary (" + String.join(", ", candidates) + ")")
            + ". The route now: "
            + String.join("; ", RouteChange.split(route)),
        choices.list());
  }

  /**
   * A backend at weight 0 may be idle, scaled to nothing or the old version: it gets traffic only
   * when the request named it ({@code to}, a colour, or the canary to promote given by name).
   */
  private static void refuseUnnamedRaise(
      RollbackRequest request,
      RollbackTarget target,
      String service,
      RouteChange change,
      Choices choices) {
    boolean named =
        target.isColor()
            || target == RollbackTarget.TO
            || (target == RollbackTarget.CANARY && request.canaryService() != null);
    for (WeightShift.RuleChange rule : change.weights()) {
      for (int b = 0; b < rule.backends().size(); b++) {
        String backend = rule.backends().get(b);
        boolean raised = rule.before().get(b) == 0 && rule.after().get(b) > 0;
        if (raised && !(named && backend.equals(service))) {
          throw new TargetRefused(
              target.word(),
              "it would send traffic to "
                  + backend
                  + ", which has weight 0 in rule "
                  + rule.rule()
                  + " and was not named ("
                  + rule.describe()
                  + "); a backend at 0 may be idle or scaled down",
              choices.list());
        }
      }
    }
  }
}
