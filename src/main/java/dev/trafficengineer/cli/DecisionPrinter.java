package dev.trafficengineer.cli;

import dev.trafficengineer.core.generate.Decision;
import java.util.Map;

/** A decision as text, naming the next step as both the MCP tool and the command. */
final class DecisionPrinter {
  /** MCP tool name to the subcommand that mirrors it, for the "next" line. */
  private static final Map<String, String> COMMANDS =
      Map.of(
          "generate_canary", "canary",
          "generate_blue_green", "blue-green",
          "generate_ab_test", "ab-test",
          "add_premium_rule", "premium",
          "plan_rollout", "plan");

  private DecisionPrinter() {}

  static String text(Decision decision) {
    StringBuilder text = new StringBuilder();
    text.append("Pattern: ").append(decision.pattern()).append('\n');
    if (!decision.reasons().isEmpty()) {
      text.append("Why:\n");
      CommandText.appendList(text, decision.reasons(), "  ");
    }
    if (!decision.caveats().isEmpty()) {
      text.append("Watch out:\n");
      CommandText.appendList(text, decision.caveats(), "  ");
    }
    if (decision.nextTool() != null) {
      text.append("Next: ").append(decision.nextTool());
      String command = COMMANDS.get(decision.nextTool());
      if (command != null) {
        text.append(" (traffic-engineer ").append(command).append(" --help)");
      }
      text.append('\n');
    }
    return text.toString();
  }
}
