package dev.trafficengineer.core.generate;

import dev.trafficengineer.core.patch.ShellCommand;
import java.util.List;

/** Every stage of a canary rollout, then the steps that make the canary the new stable. */
public record RolloutPlan(
    String route, List<RolloutStage> stages, List<ShellCommand> afterRollout, List<String> notes) {}
