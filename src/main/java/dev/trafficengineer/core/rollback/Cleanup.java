package dev.trafficengineer.core.rollback;

import dev.trafficengineer.core.patch.KubectlCommands;
import dev.trafficengineer.core.patch.ShellCommand;
import java.util.List;

/**
 * The lesson's clean-up after a failed canary or a finished A/B test: delete the Deployment and the
 * Service. Destructive, and kept apart from the patch: there is no undo, and the route should stop
 * sending to the Service first (verify shows it at 0). Offered only when, after the patch, no rule
 * of the route sends the Service traffic: deleting what still serves is an outage.
 */
final class Cleanup {
  private Cleanup() {}

  /**
   * The clean-up commands for {@code target}; adds the naming assumption, or why there is none, to
   * {@code warnings}.
   *
   * @param stillServing the rules that send {@code service} traffic after the patch
   * @param stillListed whether a rule still names {@code service} after the patch (at weight 0)
   */
  static List<ShellCommand> after(
      RollbackTarget target,
      String namespace,
      String service,
      List<Integer> stillServing,
      boolean stillListed,
      List<String> warnings) {
    if (target != RollbackTarget.STABLE && target != RollbackTarget.AB_OFF) {
      return List.of();
    }
    if (!stillServing.isEmpty()) {
      warnings.add(
          "No clean-up: after the patch "
              + (stillServing.size() == 1 ? "rule " : "rules ")
              + stillServing.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")
              + " still "
              + (stillServing.size() == 1 ? "sends " : "send ")
              + service
              + " traffic, so its Deployment and Service must stay.");
      return List.of();
    }
    warnings.add(
        "The clean-up commands assume the Deployment is named like its Service ("
            + service
            + "), as in the lesson; adjust them if yours differs.");
    return List.of(
        ShellCommand.destructive(
            "Delete the Deployment, only after the verify shows no traffic to " + service,
            KubectlCommands.delete("deployment", namespace, service)),
        ShellCommand.destructive(
            stillListed
                ? "Delete the Service; the route still lists it (at weight 0), so its"
                    + " ResolvedRefs condition turns False until the backend is removed from the"
                    + " route"
                : "Delete the Service; no rule of the route names it any more",
            KubectlCommands.delete("service", namespace, service)));
  }
}
