package dev.trafficengineer.core.generate;

import dev.trafficengineer.core.patch.ShellCommand;
import java.util.List;

/**
 * One stage of a rollout: the route at that split, what changed since the previous stage, how to
 * get there (apply for the first stage, a guarded patch for the others) and what must hold before
 * moving on.
 */
public record RolloutStage(
    int stage,
    int canaryPercent,
    int stablePercent,
    String changes,
    String yaml,
    List<ShellCommand> commands,
    List<String> gate) {}
