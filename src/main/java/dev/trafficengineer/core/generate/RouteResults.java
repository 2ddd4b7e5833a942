package dev.trafficengineer.core.generate;

import dev.trafficengineer.core.patch.JsonPatchOperation;
import dev.trafficengineer.core.patch.KubectlCommands;
import dev.trafficengineer.core.patch.ShellCommand;
import dev.trafficengineer.core.yaml.RouteYamlWriter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import java.util.ArrayList;
import java.util.List;

/** Shapes a generated route into the result every generator returns. */
final class RouteResults {
  private RouteResults() {}

  static RouteResult of(HTTPRoute route, List<ShellCommand> commands, List<String> notes) {
    return new RouteResult(
        qualifiedName(route),
        fileName(route),
        RouteYamlWriter.write(route),
        SplitSummary.of(route),
        List.copyOf(commands),
        List.copyOf(notes));
  }

  /**
   * Check against the API server (schema and CEL rules, nothing changed), apply, verify, and the
   * guarded patch that undoes the change at once.
   */
  static List<ShellCommand> standardCommands(
      HTTPRoute route, List<JsonPatchOperation> undo, String undoPurpose) {
    String namespace = route.getMetadata().getNamespace();
    String name = route.getMetadata().getName();
    String file = fileName(route);
    List<ShellCommand> commands = new ArrayList<>();
    commands.add(
        ShellCommand.safe(
            "Save the YAML as "
                + file
                + ", then let the API server check it without changing anything (runs the schema"
                + " and CEL validation that --dry-run=client skips)",
            KubectlCommands.applyFile(file, true)));
    commands.add(ShellCommand.safe("Apply it", KubectlCommands.applyFile(file, false)));
    commands.add(
        ShellCommand.safe(
            "Verify: one line per rule, backend=weight",
            KubectlCommands.showWeights(namespace, name)));
    if (!undo.isEmpty()) {
      commands.add(
          ShellCommand.safe(undoPurpose, KubectlCommands.jsonPatch(namespace, name, undo, false)));
    }
    return commands;
  }

  static List<ShellCommand> standardCommands(HTTPRoute route, List<JsonPatchOperation> rollback) {
    return standardCommands(
        route,
        rollback,
        "Roll back: canary to weight 0 in this rule only. The tests make kubectl refuse the patch"
            + " if the route changed since it was generated");
  }

  static String qualifiedName(HTTPRoute route) {
    return route.getMetadata().getNamespace() + "/" + route.getMetadata().getName();
  }

  static String fileName(HTTPRoute route) {
    return route.getMetadata().getName() + "-route.yaml";
  }
}
