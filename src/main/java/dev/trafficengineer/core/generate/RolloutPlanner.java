package dev.trafficengineer.core.generate;

import dev.trafficengineer.core.generate.CanaryGenerator.CanaryRoute;
import dev.trafficengineer.core.grpc.RouteKind;
import dev.trafficengineer.core.input.InputRules;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.patch.GuardedWeightPatch;
import dev.trafficengineer.core.patch.JsonPatchOperation;
import dev.trafficengineer.core.patch.KubectlCommands;
import dev.trafficengineer.core.patch.ShellCommand;
import dev.trafficengineer.core.yaml.RouteYamlWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans a staged canary rollout of an HTTPRoute or a GRPCRoute (5, 25, 50, 100 by default): each
 * stage's route, the guarded patch that moves the previous stage to it, the gate to pass before the
 * next, and what to do once the canary carries everything. The stable Service stays in the route at
 * weight 0 at 100%, so a rollback is a weight change at every stage.
 */
public final class RolloutPlanner {
  static final List<Integer> DEFAULT_STAGES = List.of(5, 25, 50, 100);
  private static final int MAX_STAGES = 20;

  private RolloutPlanner() {}

  public static RolloutPlan plan(RolloutRequest request) {
    List<Integer> percents = stages(request.stages(), request.canaryWeight());
    List<RolloutStage> stages = new ArrayList<>();
    CanaryRoute<?> previous = null;
    for (int i = 0; i < percents.size(); i++) {
      int percent = percents.get(i);
      CanaryRoute<?> current = CanaryGenerator.build(canaryAt(request, percent));
      stages.add(stage(i + 1, percent, previous, current, request));
      previous = current;
    }
    List<String> notes = new ArrayList<>(SessionPinning.warnings("routeYaml", request.routeYaml()));
    if (percents.get(percents.size() - 1) != 100) {
      notes.add(
          "The last stage is "
              + percents.get(percents.size() - 1)
              + "%: the canary never takes all traffic, so the steps after the rollout are left"
              + " out.");
    }
    notes.add(
        "Deployment names are assumed to equal the Service names (the lesson's convention);"
            + " adjust the deployment commands if yours differ.");
    List<ShellCommand> after =
        percents.get(percents.size() - 1) == 100 ? afterRollout(previous, request) : List.of();
    return new RolloutPlan(
        RouteResults.qualifiedName(previous.route()),
        List.copyOf(stages),
        after,
        List.copyOf(notes));
  }

  private static RolloutStage stage(
      int number,
      int percent,
      CanaryRoute<?> previous,
      CanaryRoute<?> current,
      RolloutRequest request) {
    RouteKind kind = current.rules().kind();
    String namespace = current.rules().namespace();
    String name = current.rules().name();
    List<ShellCommand> commands = new ArrayList<>();
    String changes;
    if (previous == null) {
      changes =
          "New route: "
              + (100 - percent)
              + "% to "
              + request.stableService()
              + ", "
              + percent
              + "% to "
              + request.canaryService()
              + ".";
      commands.addAll(RouteResults.standardCommands(current.route()));
    } else {
      changes =
          request.stableService()
              + " weight "
              + previous.weights().stable()
              + " -> "
              + current.weights().stable()
              + ", "
              + request.canaryService()
              + " weight "
              + previous.weights().canary()
              + " -> "
              + current.weights().canary()
              + ". Nothing else in the route changes.";
      List<JsonPatchOperation> advance =
          GuardedWeightPatch.on(previous.rules())
              .rule(
                  current.splitRule(),
                  List.of(current.weights().stable(), current.weights().canary()))
              .operations();
      commands.add(
          ShellCommand.safe(
              "Check the stage change with the API server first (nothing is changed)",
              KubectlCommands.jsonPatch(kind, namespace, name, advance, true)));
      commands.add(
          ShellCommand.safe(
              "Advance to "
                  + percent
                  + "% (guarded: fails unless the route is exactly at the"
                  + " previous stage)",
              KubectlCommands.jsonPatch(kind, namespace, name, advance, false)));
      commands.add(
          ShellCommand.safe(
              "Verify: one line per rule, backend=weight",
              KubectlCommands.showWeights(kind, namespace, name)));
    }
    commands.add(
        RouteResults.patchCommand(
            "If the gate fails: roll back to 0% canary from this stage",
            current.route(), current.rollback()));
    return new RolloutStage(
        number,
        percent,
        100 - percent,
        changes,
        RouteYamlWriter.write(current.route()),
        List.copyOf(commands),
        gate(percent, request));
  }

  private static List<String> gate(int percent, RolloutRequest request) {
    List<String> gate = new ArrayList<>();
    gate.add(
        "Hold at "
            + percent
            + "% long enough for the canary to serve a meaningful sample (at least a few hundred"
            + " requests, and at least 10 minutes).");
    gate.add(
        "Compare "
            + request.canaryService()
            + " with "
            + request.stableService()
            + ": error rate, p99 latency and request rate per version (monitoring_queries gives"
            + " the PromQL; analyze_canary gives the verdict).");
    gate.add(
        percent == 100
            ? "The canary now serves everything; the stable Service is still in the route at"
                + " weight 0, so rolling back is still one guarded patch."
            : "Advance only when the canary is no worse than stable; otherwise run this stage's"
                + " rollback command.");
    return List.copyOf(gate);
  }

  /** The lesson's finalize steps: the stable Deployment takes the new version, the canary goes. */
  private static List<ShellCommand> afterRollout(CanaryRoute<?> last, RolloutRequest request) {
    RouteKind kind = last.rules().kind();
    String namespace = last.rules().namespace();
    String name = last.rules().name();
    String stable = request.stableService();
    String canary = request.canaryService();
    List<JsonPatchOperation> backToStable = last.rollback();
    return List.of(
        ShellCommand.safe(
            "Read the image the canary runs, then give the stable Deployment that image (kubectl"
                + " set image deployment/"
                + stable
                + " <container>=<image>)",
            KubectlCommands.deploymentImages(namespace, canary)),
        ShellCommand.safe(
            "Wait until the stable Deployment runs the new version everywhere",
            KubectlCommands.rolloutStatus(namespace, stable)),
        ShellCommand.safe(
            "Send all traffic back to " + stable + ", which now runs the new version (guarded)",
            KubectlCommands.jsonPatch(kind, namespace, name, backToStable, false)),
        ShellCommand.safe("Verify", KubectlCommands.showWeights(kind, namespace, name)),
        ShellCommand.destructive(
            "Remove the canary Deployment (destructive: only after the verify shows "
                + canary
                + "=0)",
            KubectlCommands.delete("deployment", namespace, canary)),
        ShellCommand.destructive(
            "Remove the canary Service (destructive; first remove it from the route, or the"
                + " route's ResolvedRefs condition turns False)",
            KubectlCommands.delete("service", namespace, canary)));
  }

  static List<Integer> stages(List<Integer> stages, Integer start) {
    if (stages == null || stages.isEmpty()) {
      if (start == null) {
        return DEFAULT_STAGES;
      }
      int first = InputRules.percent("canaryWeight", start);
      List<Integer> from = new ArrayList<>(List.of(first));
      DEFAULT_STAGES.stream().filter(p -> p > first).forEach(from::add);
      return List.copyOf(from);
    }
    if (stages.size() > MAX_STAGES) {
      throw new InvalidInputException(
          "stages", stages.size() + " stages", "is over the limit of " + MAX_STAGES);
    }
    for (int i = 0; i < stages.size(); i++) {
      int percent = InputRules.percent("stages[" + i + "]", stages.get(i));
      if (i > 0 && percent <= stages.get(i - 1)) {
        throw new InvalidInputException(
            "stages[" + i + "]", percent, "must be greater than the stage before it");
      }
    }
    if (start != null && !start.equals(stages.get(0))) {
      throw new InvalidInputException(
          "canaryWeight", start, "contradicts the first stage (" + stages.get(0) + ")");
    }
    return List.copyOf(stages);
  }

  private static CanaryRequest canaryAt(RolloutRequest r, int percent) {
    return new CanaryRequest(
        r.namespace(),
        r.gateway(),
        r.stableService(),
        r.canaryService(),
        r.port(),
        percent,
        null,
        r.name(),
        r.pathPrefix(),
        r.hostnames(),
        r.gatewayNamespace(),
        r.sectionName(),
        r.protectHeader(),
        r.kind(),
        r.grpcMethod());
  }
}
