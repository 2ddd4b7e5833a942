package dev.trafficengineer.cli;

import dev.trafficengineer.core.patch.ShellCommand;
import java.util.List;

/** Text pieces the human-readable outputs share. */
final class CommandText {
  private CommandText() {}

  /**
   * Each command under its purpose as a shell comment, so that a block can be pasted whole.
   * Destructive ones say so first, because they are the ones not to paste by habit.
   */
  static void appendCommands(StringBuilder text, List<ShellCommand> commands, String indent) {
    for (ShellCommand command : commands) {
      text.append(indent)
          .append("# ")
          .append(command.destructive() ? "DESTRUCTIVE: " : "")
          .append(command.purpose())
          .append('\n')
          .append(indent)
          .append(command.command())
          .append('\n');
    }
  }

  static void appendList(StringBuilder text, List<String> items, String indent) {
    for (String item : items) {
      text.append(indent).append("- ").append(item).append('\n');
    }
  }

  /** 95.0 as "95%", 33.33 as "33.33%". */
  static String indent(String block, String indent) {
    return block.lines().map(line -> indent + line + "\n").reduce("", String::concat);
  }

  static String endingWithNewline(String text) {
    return text.endsWith("\n") ? text : text + "\n";
  }
}
