package dev.trafficengineer.cli;

import dev.trafficengineer.core.rollback.RollbackResult;

/**
 * A rollback as text for a person at 3 AM: the one command first, then how to verify it, then the
 * clean-up, marked DESTRUCTIVE, and the warnings. The dry run comes after the command it checks, as
 * an option, so that the first command on screen is the one that helps.
 */
final class RollbackPrinter {
  private RollbackPrinter() {}

  static String text(RollbackResult result) {
    StringBuilder text = new StringBuilder();
    text.append("HTTPRoute ")
        .append(result.route())
        .append(" (target ")
        .append(result.target())
        .append(result.service() == null ? "" : ", Service " + result.service())
        .append(")\n");
    if (!result.changes().isEmpty()) {
      CommandText.appendList(text, result.changes(), "  ");
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
}
