package dev.trafficengineer.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "set-weights",
    description = {
      "Set backend weights of a live route (tool cluster_set_weights) with a guarded JSON patch.",
      "A server-side dry run unless --yes is given."
    },
    footer = {
      "",
      "Example:",
      "  traffic-engineer set-weights --live -n task-api --name task-api-combined \\",
      "    --weight task-api-stable=75 --weight task-api-canary=25          # dry run",
      "  ... --yes                                                         # apply"
    })
final class SetWeightsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin HelpOption help;
  @Mixin ClusterOptions cluster;

  @Option(
      names = "--live",
      required = true,
      description =
          "Read and change the route in the cluster (required: there is no offline mode).")
  boolean live;

  @Option(names = "--name", required = true, description = "Route name.")
  String name;

  @Option(
      names = "--kind",
      paramLabel = "<kind>",
      description = "http (default, an HTTPRoute) or grpc (a GRPCRoute).")
  String kind;

  @Option(
      names = {"-n", "--namespace"},
      required = true,
      description = "Namespace of the route.")
  String namespace;

  @Option(
      names = "--weight",
      required = true,
      paramLabel = "SERVICE=WEIGHT",
      description = "New weight of a backend, in every rule that lists it (repeatable).")
  Map<String, Integer> weights;

  @Option(names = "--yes", description = "Apply the change; without it, a dry run.")
  boolean yes;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  ReportFormat output;

  private final Streams streams;

  SetWeightsCommand(Streams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() {
    if (!live) {
      throw new ParameterException(spec.commandLine(), "set-weights needs --live");
    }
    return LiveRun.setWeights(
        cluster, streams, output, namespace, name, weights, GrpcOptions.kind(kind), yes);
  }
}
