package dev.trafficengineer.cli;

import dev.trafficengineer.core.rollback.RollbackChoice;
import dev.trafficengineer.core.rollback.RollbackResult;
import dev.trafficengineer.core.rollback.TargetRefused;
import java.util.Locale;

/**
 * A rollback as text for a person at 3 AM: the one command first, then how to verify it, then the
 * clean-up, marked DESTRUCTIVE, and the warnings. The dry run comes after the command it checks, as
 * an option, so that the first command on screen is the one that helps.
 */
final class RollbackPrinter {
  private RollbackPrinter() {}

  static String text(RollbackResult result) {
    StringBuilder text = new StringBuilder();
    text.append(result.kind())
        .append(' ')
        .append(result.route())
        .append(" (target ")
        .append(result.target())
        .append(result.service() == null ? "" : ", Service " + result.service())
        .append(")\n");
    if (!result.changes().isEmpty()) {
      CommandText.appendList(text, result.changes(), "  ");
    }
    if (result.nothingToChange() != null) {
      text.append("\nNothing to change: ").append(result.nothingToChange()).append(".\n");
      text.append("The route now:\n");
      CommandText.appendList(text, result.current(), "  ");
    }
    if (result.command() != null) {
      text.append("\nRun (fails without changing anything if the route is not as read):\n  ")
          .append(result.command())
          .append('\n');
    }
    if (result.dryRunCommand() != null) {
      text.append("\nTo check it first (the API server validates, nothing changes):\n  ")
          .append(result.dryRunCommand())
          .append('\n');
    }
    text.append("\nVerify (one line per rule, backend=weight):\n  ")
        .append(result.verify())
        .append('\n');
    if (!result.cleanup().isEmpty()) {
      text.append("\nClean up, only after the verify (DESTRUCTIVE, no undo):\n");
      CommandText.appendCommands(text, result.cleanup(), "  ");
    }
    if (!result.warnings().isEmpty()) {
      text.append("\nWarnings:\n");
      CommandText.appendList(text, result.warnings(), "  ");
    }
    return text.toString();
  }

  /**
   * A refused rollback on stderr: why, then one line per choice as the flag to add and what it
   * would change, so the person picks by reading what happens to the traffic.
   */
  static String refusal(TargetRefused refused) {
    StringBuilder text =
        new StringBuilder("error: rollback refused: ").append(refused.reason()).append(".\n");
    if (refused.choices().isEmpty()) {
      return text.append("No --target, --canary-service or --to changes this route's weights.\n")
          .toString();
    }
    text.append("Choose one and run again with it:\n");
    int width =
        refused.choices().stream().mapToInt(choice -> flag(choice).length()).max().orElse(0);
    for (RollbackChoice choice : refused.choices()) {
      String flag = flag(choice);
      text.append("  ")
          .append(flag)
          .append(" ".repeat(width - flag.length() + 2))
          .append(choice.effect())
          .append('\n');
    }
    return text.toString();
  }

  /** canaryService "x" -> "--canary-service x". */
  private static String flag(RollbackChoice choice) {
    return "--"
        + choice.field().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT)
        + " "
        + choice.value();
  }
}
