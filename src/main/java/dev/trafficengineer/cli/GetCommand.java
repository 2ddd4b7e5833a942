package dev.trafficengineer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "get",
    description = {
      "Read an HTTPRoute or GRPCRoute from the cluster (tool cluster_get_route).",
      "Prints its weights per rule, the status conditions of each parent Gateway, the owning"
          + " controller if any, validate findings and its YAML. Sends GET requests only."
    },
    footer = {
      "",
      "Example:",
      "  traffic-engineer get task-api-combined -n task-api --context prod",
      "  traffic-engineer get orders-canary -n orders --kind grpc   # a GRPCRoute"
    })
final class GetCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Mixin ClusterOptions cluster;

  @Parameters(index = "0", paramLabel = "NAME", description = "Route name.")
  String name;

  @Option(
      names = {"-n", "--namespace"},
      required = true,
      description = "Namespace of the route.")
  String namespace;

  @Option(
      names = "--kind",
      paramLabel = "<kind>",
      description = "http (default, an HTTPRoute) or grpc (a GRPCRoute).")
  String kind;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  ReportFormat output;

  private final Streams streams;

  GetCommand(Streams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() {
    return LiveRun.get(cluster, streams, output, namespace, name, GrpcOptions.kind(kind));
  }
}
