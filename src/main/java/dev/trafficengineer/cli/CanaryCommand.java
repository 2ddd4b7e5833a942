package dev.trafficengineer.cli;

import dev.trafficengineer.core.generate.CanaryGenerator;
import dev.trafficengineer.core.generate.CanaryRequest;
import dev.trafficengineer.core.generate.HeaderMatchInput;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "canary",
    description = {
      "Generate a weighted canary HTTPRoute (tool generate_canary).",
      "Prints the route YAML on stdout and the split, notes and next commands on stderr."
    },
    footer = {
      "",
      "Example (5%% of /api/ to the canary; the API server checks it, nothing changes):",
      "  traffic-engineer canary --name task-api-canary --namespace task-api \\",
      "    --gateway task-api-gateway --stable-service task-api-stable \\",
      "    --canary-service task-api-canary --port 8000 --canary-weight 5 \\",
      "    --path-prefix /api/ | kubectl apply --dry-run=server -f -"
    })
final class CanaryCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Mixin RouteOptions route;

  @Mixin GrpcOptions grpc;

  @Option(
      names = "--stable-service",
      required = true,
      description = "Service of the stable version.")
  String stableService;

  @Option(names = "--canary-service", required = true, description = "Service of the canary.")
  String canaryService;

  @Option(
      names = "--canary-weight",
      required = true,
      description =
          "Percent of traffic to the canary (0 to 100), or a raw weight with --stable-weight.")
  Integer canaryWeight;

  @Option(
      names = "--stable-weight",
      description = "Raw stable weight (0 to 1,000,000); default 100 minus --canary-weight.")
  Integer stableWeight;

  @Option(
      names = "--protect-header",
      paramLabel = "<name=value>",
      description =
          "Keep requests with this header on the stable Service, e.g. x-api-tier=premium.")
  String protectHeader;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "yaml",
      description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  RouteFormat output;

  private final Streams streams;

  CanaryCommand(Streams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() {
    HeaderMatchInput protect =
        protectHeader == null ? null : HeaderMatchInput.parse("protectHeader", protectHeader);
    CanaryRequest request =
        new CanaryRequest(
            route.namespace,
            route.gateway,
            stableService,
            canaryService,
            route.port,
            canaryWeight,
            stableWeight,
            route.name,
            route.pathPrefix,
            route.hostnames,
            route.gatewayNamespace,
            route.sectionName,
            protect,
            GrpcOptions.kind(grpc),
            GrpcOptions.method(grpc));
    RoutePrinter.print(CanaryGenerator.generate(request), output, streams);
    return 0;
  }
}
