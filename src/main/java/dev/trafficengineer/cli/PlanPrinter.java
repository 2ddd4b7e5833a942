package dev.trafficengineer.cli;

import dev.trafficengineer.core.generate.RolloutPlan;
import dev.trafficengineer.core.generate.RolloutStage;
import dev.trafficengineer.core.grpc.RouteKind;

/**
 * A rollout plan as text. Only the first stage shows its YAML: that one is applied, every later
 * stage is a guarded patch whose command is printed.
 */
final class PlanPrinter {
  private PlanPrinter() {}

  static String text(RolloutPlan plan) {
    StringBuilder text = new StringBuilder();
    text.append("Rollout of ")
        .append(RouteKind.ofWritten(plan.stages().get(0).yaml()).kind())
        .append(' ')
        .append(plan.route())
        .append(" in ")
        .append(plan.stages().size())
        .append(" stages\n");
    boolean first = true;
    for (RolloutStage stage : plan.stages()) {
      text.append('\n')
          .append("Stage ")
          .append(stage.stage())
          .append(": canary ")
          .append(stage.canaryPercent())
          .append("%, stable ")
          .append(stage.stablePercent())
          .append("%\n");
      if (stage.changes() != null) {
        text.append("  ").append(stage.changes()).append('\n');
      }
      if (first) {
        text.append("  Route:\n").append(CommandText.indent(stage.yaml(), "    "));
        first = false;
      }
      text.append("  Run:\n");
      CommandText.appendCommands(text, stage.commands(), "    ");
      text.append("  Move on only when:\n");
      CommandText.appendList(text, stage.gate(), "    ");
    }
    text.append("\nAfter the rollout:\n");
    CommandText.appendCommands(text, plan.afterRollout(), "  ");
    if (!plan.notes().isEmpty()) {
      text.append("\nNotes:\n");
      CommandText.appendList(text, plan.notes(), "  ");
    }
    return text.toString();
  }
}
