package dev.trafficengineer.core.generate;

import dev.trafficengineer.core.grpc.RouteKind;
import dev.trafficengineer.core.patch.JsonPatchOperation;
import dev.trafficengineer.core.patch.KubectlCommands;
import dev.trafficengineer.core.patch.ShellCommand;
import dev.trafficengineer.core.yaml.RouteYamlWriter;
import io.fabric8.kubernetes.api.model.HasMetadata;
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
   * Check against the API server (schema and CEL rules, nothing changed), apply, and verify the
   * weights that took effect.
   */
  static List<ShellCommand> standardCommands(HasMetadata route) {
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
            KubectlCommands.showWeights(kind(route), namespace, name)));
    return commands;
  }

  /** A guarded patch of {@code route} as a command, for the steps that follow an apply. */
  static ShellCommand patchCommand(
      String purpose, HasMetadata route, List<JsonPatchOperation> patch) {
    return ShellCommand.safe(
        purpose,
        KubectlCommands.jsonPatch(
            kind(route),
            route.getMetadata().getNamespace(),
            route.getMetadata().getName(),
            patch,
            false));
  }

  static String qualifiedName(HasMetadata route) {
    return route.getMetadata().getNamespace() + "/" + route.getMetadata().getName();
  }

  static String fileName(HasMetadata route) {
    return route.getMetadata().getName() + "-route.yaml";
  }

  /** The route's kind, which the fabric8 models fill in when they are built. */
  static RouteKind kind(HasMetadata route) {
    return RouteKind.of("kind", route.getKind());
  }
}
