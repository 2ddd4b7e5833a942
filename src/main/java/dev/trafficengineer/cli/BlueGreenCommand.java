package dev.trafficengineer.cli;

import dev.trafficengineer.core.generate.BlueGreenGenerator;
import dev.trafficengineer.core.generate.BlueGreenRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "blue-green",
    description = {
      "Generate a blue-green HTTPRoute (tool generate_blue_green).",
      "Both Services stay in the route, the active one at weight 100 and the other at 0. Prints"
          + " the route YAML on stdout and the switch and rollback commands on stderr."
    },
    footer = {
      "",
      "Example (green takes all of task-api's traffic):",
      "  traffic-engineer blue-green --namespace task-api --gateway task-api-gateway \\",
      "    --blue-service task-api-blue --green-service task-api-green --port 8000 \\",
      "    --active green > task-api-route.yaml"
    })
final class BlueGreenCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Mixin RouteOptions route;

  @Mixin GrpcOptions grpc;

  @Option(names = "--blue-service", required = true, description = "Service of the blue version.")
  String blueService;

  @Option(names = "--green-service", required = true, description = "Service of the green version.")
  String greenService;

  @Option(
      names = "--active",
      required = true,
      paramLabel = "blue|green",
      description = "The version that gets all the traffic.")
  String active;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "yaml",
      description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  RouteFormat output;

  private final Streams streams;

  BlueGreenCommand(Streams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() {
    BlueGreenRequest request =
        new BlueGreenRequest(
            route.namespace,
            route.gateway,
            blueService,
            greenService,
            route.port,
            active,
            route.name,
            route.pathPrefix,
            route.hostnames,
            route.gatewayNamespace,
            route.sectionName,
            GrpcOptions.kind(grpc),
            GrpcOptions.method(grpc));
    RoutePrinter.print(BlueGreenGenerator.generate(request), output, streams);
    return 0;
  }
}
