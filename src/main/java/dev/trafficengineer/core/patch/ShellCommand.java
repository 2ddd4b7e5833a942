package dev.trafficengineer.core.patch;

/**
 * A command to paste into a shell, with what it is for. Destructive commands (deletes) are marked
 * so that front ends can keep them apart from the routine ones.
 */
public record ShellCommand(String purpose, String command, boolean destructive) {
  public static ShellCommand safe(String purpose, String command) {
    return new ShellCommand(purpose, command, false);
  }

  public static ShellCommand destructive(String purpose, String command) {
    return new ShellCommand(purpose, command, true);
  }
}
