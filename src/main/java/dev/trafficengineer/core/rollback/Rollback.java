package dev.trafficengineer.core.rollback;

import dev.trafficengineer.core.generate.RouteInput;
import dev.trafficengineer.core.gitops.GitOpsSource;
import dev.trafficengineer.core.input.InputRules;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.patch.KubectlCommands;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the guarded JSON Patch that rolls back, switches or promotes one route, and the commands
 * around it. Only the weights (or, for ab-off, the rules) that must change are touched; every
 * touched rule is tested first, so a route that changed since it was read makes kubectl refuse the
 * patch as a whole. A merge patch is never the answer: it replaces the whole {@code rules} list.
 */
public final class Rollback {
  private Rollback() {}

  public static RollbackResult compute(RollbackRequest request) {
    RollbackTarget target = RollbackTarget.parse(request.target());
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
    HTTPRoute route = RouteInput.single("routeYaml", request.routeYaml());
    String namespace = route.getMetadata().getNamespace();
    String name = route.getMetadata().getName();
    sameAs("name", request.name(), name);
    sameAs("namespace", request.namespace(), namespace);
    InputRules.subdomain("metadata.name", name);
    InputRules.namespace("metadata.namespace", namespace);
    String service = service(route, target, request.canaryService());
    RouteChange change = RouteChange.of(route, target, service);

    List<String> warnings = new ArrayList<>(change.warnings());
    warnings.addAll(GitOpsSource.warnings(route.getMetadata()));
    String command = null;
    String dryRun = null;
    String mergePatch = null;
    if (change.operations().isEmpty()) {
      warnings.add(0, "Nothing to change: " + change.nothingToDo() + ". Run the verify command.");
    } else {
      command = KubectlCommands.jsonPatch(namespace, name, change.operations(), false);
      dryRun = KubectlCommands.jsonPatch(namespace, name, change.operations(), true);
      mergePatch = LosslessMergePatch.of(request.routeYaml(), change);
      if (mergePatch != null) {
        warnings.add(LosslessMergePatch.WHY_SECOND_CHOICE);
      }
    }
    List<String> changes = change.changes();
    return new RollbackResult(
        namespace + "/" + name,
        target.word(),
        service,
        "json",
        change.operations(),
        command,
        dryRun,
        KubectlCommands.showWeights(namespace, name),
        changes,
        Cleanup.after(target, namespace, service, warnings),
        mergePatch,
        List.copyOf(warnings));
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

  private static String service(HTTPRoute route, RollbackTarget target, String given) {
    if (target.isColor()) {
      return CanaryInference.color(route, target.word());
    }
    if (given != null) {
      return InputRules.label("canaryService", given);
    }
    return target == RollbackTarget.AB_OFF
        ? CanaryInference.testService(route)
        : CanaryInference.canary(route);
  }
}
