package dev.trafficengineer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "traffic-engineer",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Generate, review, simulate and roll back Kubernetes Gateway API traffic splits.",
    footer = {
      "",
      "Exit codes: 0 success, 1 the answer is \"no\",",
      "            2 usage error, unreadable or refused input.",
      "",
      "Example:",
      "  traffic-engineer canary --name task-api-canary --namespace task-api \\",
      "    --gateway task-api-gateway --stable-service task-api-stable \\",
      "    --canary-service task-api-canary --port 8000 --canary-weight 5 \\",
      "    --path-prefix /api/ | kubectl apply --dry-run=server -f -"
    })
final class TrafficEngineerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** The whole command tree, writing to {@code streams}; {@code debug} adds stack traces. */
  static CommandLine commandLine(Streams streams, boolean debug) {
    CommandLine cli =
        new CommandLine(new TrafficEngineerCommand())
            .addSubcommand(new CanaryCommand(streams))
            .addSubcommand(new BlueGreenCommand(streams))
            .addSubcommand(new AbTestCommand(streams))
            .addSubcommand(new PremiumCommand(streams))
            .addSubcommand(new PlanCommand(streams))
            .addSubcommand(new RollbackCommand(streams))
            .addSubcommand(new DecideCommand(streams))
            .addSubcommand(new ValidateCommand(streams))
            .addSubcommand(new SimulateCommand(streams))
            .addSubcommand(new QueriesCommand(streams))
            .addSubcommand(new AnalyzeCommand(streams))
            .addSubcommand(new ServeCommand(streams))
            .addSubcommand(new ChatCommand(streams))
            .addSubcommand(new GetCommand(streams))
            .addSubcommand(new DiffCommand(streams))
            .addSubcommand(new SetWeightsCommand(streams));
    ErrorReporting errors = new ErrorReporting(streams, debug);
    return cli.setOut(streams.outWriter())
        .setErr(streams.errWriter())
        .setCaseInsensitiveEnumValuesAllowed(true)
        // Clustered short options would read -namespace as -n amespace; refused, with the option
        // meant named, by ErrorReporting.
        .setPosixClusteredShortOptionsAllowed(false)
        .setParameterExceptionHandler(errors)
        .setExecutionExceptionHandler(errors);
  }

  /** A command is required: without one there is nothing to do, which is a usage error. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing command");
  }
}
