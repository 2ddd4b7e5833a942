package dev.trafficengineer.core.rollback;

import dev.trafficengineer.core.grpc.RouteKind;
import dev.trafficengineer.core.input.InputRules;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.patch.KubectlCommands;
import dev.trafficengineer.core.patch.ShellQuote;
import java.util.ArrayList;
import java.util.List;

/**
 * A request without the route. A JSON Patch needs the indices of the rules and backends, which only
 * the route has; a merge patch would replace every rule of the route with a template. So the one
 * safe command reads the live route into a file and computes the guarded patch from it.
 */
final class WithoutRoute {
  private WithoutRoute() {}

  static RollbackResult of(RollbackRequest request, RollbackTarget target) {
    if (request.name() == null || request.namespace() == null) {
      throw new InvalidInputException(
          "routeYaml",
          null,
          "is required, or name and namespace of the route (with "
              + (target == RollbackTarget.TO ? "to" : "canaryService for target " + target.word())
              + ")");
    }
    RouteKind kind = RouteKind.of("kind", request.kind());
    String name = InputRules.subdomain("name", request.name());
    String namespace = InputRules.namespace("namespace", request.namespace());
    String service =
        target.isColor()
            ? null
            : target == RollbackTarget.TO
                ? InputRules.label("to", request.to())
                : InputRules.label("canaryService", request.canaryService());
    String option = target == RollbackTarget.TO ? " --to " : " --canary-service ";
    String file = name + "-route.yaml";
    String command =
        KubectlCommands.routeYaml(kind, namespace, name)
            + " > "
            + ShellQuote.quote(file)
            + " && traffic-engineer rollback -f "
            + ShellQuote.quote(file)
            + (service == null ? "" : option + ShellQuote.quote(service))
            + (target == RollbackTarget.STABLE || target == RollbackTarget.TO
                ? ""
                : " --target " + target.word());
    List<String> warnings = new ArrayList<>();
    warnings.add(
        "Without the route nothing can be guarded: which rules send to "
            + (service == null ? "the " + target.word() + " Service" : service)
            + ", at which index, next to which backends and weights is unknown, so no JSON Patch"
            + " can be written, and a merge patch would replace every rule of the route (premium"
            + " and A/B rules, filters) with a template. The command saves the live route as "
            + file
            + " (keep it: it is the route as it was) and prints the guarded patch computed from"
            + " it; nothing changes until you run that patch. The clean-up, if any, comes with"
            + " it: only the route tells whether the Service still gets traffic after the"
            + " patch.");
    return new RollbackResult(
        namespace + "/" + name,
        kind.kind(),
        target.word(),
        service,
        "none",
        List.of(),
        command,
        null,
        KubectlCommands.showWeights(kind, namespace, name),
        List.of(),
        List.of(),
        null,
        List.copyOf(warnings),
        null,
        List.of());
  }
}
