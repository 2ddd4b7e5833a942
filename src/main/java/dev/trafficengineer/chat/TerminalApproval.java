package dev.trafficengineer.chat;

import dev.trafficengineer.core.confirm.Approval;

/**
 * The person's yes at the terminal: the change in one line, what else to know, and y/N. Only an
 * explicit {@code y} approves; Enter, anything else or the end of input declines.
 */
final class TerminalApproval implements Approval {
  private final Terminal terminal;

  TerminalApproval(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Answer ask(String restatement, String details) {
    if (!details.isBlank()) {
      terminal.note("  " + details.strip().replace("\n", "\n  ") + "\n");
    }
    return terminal.confirm("  Apply " + restatement + "?") ? Answer.APPROVED : Answer.DECLINED;
  }
}
