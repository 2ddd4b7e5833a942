package dev.trafficengineer.mcp;

import dev.trafficengineer.core.generate.BackendShare;
import dev.trafficengineer.core.generate.Decision;
import dev.trafficengineer.core.generate.RolloutPlan;
import dev.trafficengineer.core.generate.RolloutStage;
import dev.trafficengineer.core.generate.RouteResult;
import dev.trafficengineer.core.generate.RuleSplit;
import dev.trafficengineer.core.generate.SplitSummary;
import dev.trafficengineer.core.grpc.RouteKind;
import dev.trafficengineer.core.patch.ShellCommand;
import dev.trafficengineer.core.rollback.RollbackResult;
import dev.trafficengineer.core.validate.FindingsReport;
import dev.trafficengineer.core.validate.ValidationResult;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Results as a person reads them in a chat: YAML first, exactly as it is to be applied, then the
 * split, the commands and the notes. The structured result carries the same data for programs.
 */
final class ResultText {
  private ResultText() {}

  static String of(RouteResult result) {
    StringBuilder text = new StringBuilder();
    text.append(RouteKind.ofWritten(result.yaml()).kind()).append(' ').append(result.route());
    if (result.file() != null) {
      text.append(" (save as ").append(result.file()).append(')');
    }
    text.append(":\n\n").append(result.yaml());
    if (result.split() != null && !result.split().isEmpty()) {
      text.append("\nSplit:\n");
      for (RuleSplit rule : result.split()) {
        text.append("- rule ")
            .append(rule.rule())
            .append(", ")
            .append(rule.when())
            .append(": ")
            .append(shares(rule.backends()))
            .append('\n');
      }
    }
    commands(text, "Commands", result.commands());
    list(text, "Notes", result.notes());
    return text.toString();
  }

  static String of(RolloutPlan plan) {
    StringBuilder text = new StringBuilder();
    int stages = plan.stages() == null ? 0 : plan.stages().size();
    text.append("Rollout of ").append(plan.route()).append(" in ").append(stages).append(" stages");
    text.append(stages == 0 ? ".\n" : ":\n");
    if (plan.stages() != null) {
      for (RolloutStage stage : plan.stages()) {
        text.append("\n## Stage ")
            .append(stage.stage())
            .append(": canary ")
            .append(stage.canaryPercent())
            .append("%, stable ")
            .append(stage.stablePercent())
            .append("%\n");
        if (stage.changes() != null) {
          text.append(stage.changes()).append('\n');
        }
        text.append('\n').append(stage.yaml());
        commands(text, "Commands", stage.commands());
        list(text, "Gate before the next stage", stage.gate());
      }
    }
    commands(text, "After the rollout", plan.afterRollout());
    list(text, "Notes", plan.notes());
    return text.toString();
  }

  /** The command to run first, because that is what the person needs at 3 AM. */
  static String of(RollbackResult result) {
    StringBuilder text = new StringBuilder(result.kind()).append(' ').append(result.route());
    text.append(", target ").append(result.target());
    if (result.service() != null) {
      text.append(", Service ").append(result.service());
    }
    text.append('\n');
    list(text, "Changes", result.changes());
    if (result.dryRunCommand() != null) {
      text.append("\nCheck first (the API server validates, nothing changes):\n    ")
          .append(result.dryRunCommand())
          .append('\n');
    }
    if (result.command() != null) {
      text.append("\nRun:\n    ").append(result.command()).append('\n');
    }
    text.append("\nVerify (one line per rule, backend=weight):\n    ")
        .append(result.verify())
        .append('\n');
    commands(text, "Clean-up, only after the verify", result.cleanup());
    list(text, "Warnings", result.warnings());
    return text.toString();
  }

  static String of(Decision decision) {
    StringBuilder text = new StringBuilder("Pattern: ").append(decision.pattern()).append('\n');
    list(text, "Why", decision.reasons());
    list(text, "Watch out for", decision.caveats());
    if (decision.nextTool() != null) {
      text.append("\nNext: call ").append(decision.nextTool()).append('\n');
    }
    return text.toString();
  }

  private static String shares(List<BackendShare> backends) {
    return backends.stream()
        .map(backend -> backend.name() + " " + SplitSummary.percentText(backend.percent()))
        .collect(Collectors.joining(", "));
  }

  private static void commands(StringBuilder text, String heading, List<ShellCommand> commands) {
    if (commands == null || commands.isEmpty()) {
      return;
    }
    text.append('\n').append(heading).append(":\n");
    for (ShellCommand command : commands) {
      text.append("- ")
          .append(command.destructive() ? "(destructive) " : "")
          .append(command.purpose())
          .append(":\n    ")
          .append(command.command())
          .append('\n');
    }
  }

  private static void list(StringBuilder text, String heading, List<String> items) {
    if (items == null || items.isEmpty()) {
      return;
    }
    text.append('\n').append(heading).append(":\n");
    items.forEach(item -> text.append("- ").append(item).append('\n'));
  }

  static String of(ValidationResult result) {
    return FindingsReport.render(null, result);
  }
}
