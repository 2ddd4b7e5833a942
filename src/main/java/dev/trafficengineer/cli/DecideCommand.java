package dev.trafficengineer.cli;

import dev.trafficengineer.core.generate.Decision;
import dev.trafficengineer.core.generate.DecisionFramework;
import dev.trafficengineer.core.generate.DecisionRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Each question is a negatable flag on a {@code Boolean} left null when absent, so that "no"
 * ({@code --no-compliance}) stays different from "unknown" (no flag at all).
 */
@Command(
    name = "decide",
    description = {
      "Choose between canary, blue-green and A/B testing (tool decision_framework).",
      "Answer the questions you know: --flag for yes, --no-flag for no, leave out the rest."
    },
    footer = {
      "",
      "Example (a database migration, and no need to pick users):",
      "  traffic-engineer decide --database-migration --no-specific-users \\",
      "    --gradual-risk-reduction"
    })
final class DecideCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Option(
      names = "--instant-switch",
      negatable = true,
      description = "Must all traffic move at once?")
  Boolean instantSwitch;

  @Option(
      names = "--specific-users",
      negatable = true,
      description = "Must specific users (by header) see the new version?")
  Boolean specificUsers;

  @Option(
      names = "--database-migration",
      negatable = true,
      description = "Does the release migrate the database schema?")
  Boolean databaseMigration;

  @Option(
      names = "--gradual-risk-reduction",
      negatable = true,
      description = "Should exposure grow step by step?")
  Boolean gradualRiskReduction;

  @Option(
      names = "--breaking-api-change",
      negatable = true,
      description = "Does the release break the API for old clients?")
  Boolean breakingApiChange;

  @Option(
      names = "--compliance",
      negatable = true,
      description = "Do compliance rules limit who may get the new version?")
  Boolean compliance;

  @Option(
      names = "--performance-testing",
      negatable = true,
      description = "Is the goal to test performance under real traffic?")
  Boolean performanceTesting;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  ReportFormat output;

  private final Streams streams;

  DecideCommand(Streams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() {
    DecisionRequest request =
        new DecisionRequest(
            instantSwitch,
            specificUsers,
            databaseMigration,
            gradualRiskReduction,
            breakingApiChange,
            compliance,
            performanceTesting);
    Decision decision = DecisionFramework.decide(request);
    streams.print(
        output == ReportFormat.json ? Json.pretty(decision) : DecisionPrinter.text(decision));
    return 0;
  }
}
