package dev.trafficengineer.cli;

import dev.trafficengineer.core.generate.PremiumProtection;
import dev.trafficengineer.core.generate.PremiumRuleRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "premium",
    description = {
      "Protect premium requests in an existing HTTPRoute (tool add_premium_rule).",
      "Adds a rule that sends them (by default those with x-api-tier: premium) only to --service,"
          + " ahead of every other rule. Prints the new route YAML on stdout."
    },
    footer = {
      "",
      "Example (protect premium users of the live route during a canary):",
      "  kubectl get httproute task-api-canary -n task-api -o yaml \\",
      "    | traffic-engineer premium -f - --service task-api-stable \\",
      "    | kubectl apply --dry-run=server -f -"
    })
final class PremiumCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Option(
      names = {"-f", "--file"},
      required = true,
      paramLabel = "FILE|-",
      description = "The HTTPRoute YAML; - reads stdin (at most 16 MiB).")
  String file;

  @Option(names = "--service", required = true, description = "Service premium requests go to.")
  String service;

  @Option(
      names = "--port",
      description = "Port of --service; needed only when the route does not send to it yet.")
  Integer port;

  @ArgGroup(exclusive = false)
  HeaderOptions header;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "yaml",
      description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  RouteFormat output;

  private final Streams streams;

  PremiumCommand(Streams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() {
    String routeYaml = InputFile.read(file, streams.in());
    PremiumRuleRequest request =
        new PremiumRuleRequest(routeYaml, service, HeaderOptions.toInput(header), port);
    RoutePrinter.print(PremiumProtection.add(request), output, streams);
    return 0;
  }
}
