package dev.trafficengineer.cli;

import dev.trafficengineer.core.generate.AbTestGenerator;
import dev.trafficengineer.core.generate.AbTestRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "ab-test",
    description = {
      "Generate an A/B HTTPRoute split by header (tool generate_ab_test).",
      "Requests with the header go to the test Service, the rest to the stable one. Prints the"
          + " route YAML on stdout."
    },
    footer = {
      "",
      "Example (requests with x-variant: b to the test Service):",
      "  traffic-engineer ab-test --namespace task-api --gateway task-api-gateway \\",
      "    --stable-service task-api-stable --test-service task-api-b --port 8000 \\",
      "    --header x-variant=b | kubectl apply --dry-run=server -f -"
    })
final class AbTestCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Mixin RouteOptions route;

  @Mixin GrpcOptions grpc;

  @Option(names = "--stable-service", required = true, description = "Service everyone else gets.")
  String stableService;

  @Option(names = "--test-service", required = true, description = "Service the header selects.")
  String testService;

  @ArgGroup(exclusive = false, multiplicity = "1")
  HeaderOptions header;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "yaml",
      description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  RouteFormat output;

  private final Streams streams;

  AbTestCommand(Streams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() {
    AbTestRequest request =
        new AbTestRequest(
            route.namespace,
            route.gateway,
            stableService,
            testService,
            route.port,
            HeaderOptions.toInput(header),
            route.name,
            route.pathPrefix,
            route.hostnames,
            route.gatewayNamespace,
            route.sectionName,
            GrpcOptions.kind(grpc),
            GrpcOptions.method(grpc));
    RoutePrinter.print(AbTestGenerator.generate(request), output, streams);
    return 0;
  }
}
