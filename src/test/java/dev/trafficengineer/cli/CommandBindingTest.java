package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How flags land in the fields the request records are built from. */
class CommandBindingTest {
  private static final Streams STREAMS =
      new Streams(
          new ByteArrayInputStream(new byte[0]),
          new PrintStream(new ByteArrayOutputStream()),
          new PrintStream(new ByteArrayOutputStream()));

  @Test
  @DisplayName("decide keeps yes, no and unknown apart")
  void decideTriState() {
    DecideCommand decide = new DecideCommand(STREAMS);
    new CommandLine(decide).parseArgs("--compliance", "--no-breaking-api-change");

    assertThat(decide.compliance).isTrue();
    assertThat(decide.breakingApiChange).isFalse();
    assertThat(decide.instantSwitch).isNull();
    assertThat(decide.specificUsers).isNull();
    assertThat(decide.databaseMigration).isNull();
    assertThat(decide.gradualRiskReduction).isNull();
    assertThat(decide.performanceTesting).isNull();
    assertThat(decide.output).isEqualTo(ReportFormat.text);
  }

  @Test
  @DisplayName("plan reads comma-separated stages and leaves them unset when absent")
  void planStages() {
    PlanCommand plan = new PlanCommand(STREAMS);
    new CommandLine(plan)
        .parseArgs(
            "-n",
            "task-api",
            "--gateway",
            "g",
            "--stable-service",
            "a",
            "--canary-service",
            "b",
            "--port",
            "8000",
            "--stages",
            "5,25,50,100");
    PlanCommand defaults = new PlanCommand(STREAMS);
    new CommandLine(defaults)
        .parseArgs(
            "-n",
            "task-api",
            "--gateway",
            "g",
            "--stable-service",
            "a",
            "--canary-service",
            "b",
            "--port",
            "8000");

    assertThat(plan.stages).containsExactly(5, 25, 50, 100);
    assertThat(defaults.stages).isNull();
  }

  @Test
  @DisplayName("--hostname repeats into the hostnames list; absent means null for core")
  void hostnames() {
    CanaryCommand canary = new CanaryCommand(STREAMS);
    new CommandLine(canary)
        .parseArgs(
            "-n",
            "task-api",
            "--gateway",
            "g",
            "--stable-service",
            "a",
            "--canary-service",
            "b",
            "--port",
            "8000",
            "--canary-weight",
            "5",
            "--hostname",
            "a.example.com",
            "--hostname",
            "b.example.com");
    CanaryCommand without = new CanaryCommand(STREAMS);
    new CommandLine(without)
        .parseArgs(
            "-n",
            "task-api",
            "--gateway",
            "g",
            "--stable-service",
            "a",
            "--canary-service",
            "b",
            "--port",
            "8000",
            "--canary-weight",
            "5");

    assertThat(canary.route.hostnames).containsExactly("a.example.com", "b.example.com");
    assertThat(without.route.hostnames).isNull();
    assertThat(canary.output).isEqualTo(RouteFormat.yaml);
  }

  @Test
  @DisplayName("premium's header flags are optional as a pair")
  void premiumHeaderOptional() {
    PremiumCommand premium = new PremiumCommand(STREAMS);
    new CommandLine(premium).parseArgs("-f", "-", "--service", "s");

    assertThat(premium.header).isNull();
    assertThat(HeaderOptions.toInput(premium.header)).isNull();
  }
}
