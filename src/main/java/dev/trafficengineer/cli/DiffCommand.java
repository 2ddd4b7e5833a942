package dev.trafficengineer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "diff",
    description = {
      "Compare an HTTPRoute or GRPCRoute file with the live route of the same kind and name"
          + " (tool cluster_diff).",
      "Field by field; status, server-owned metadata and omitted API-server defaults are"
          + " ignored."
    },
    footer = {"", "Example:", "  traffic-engineer diff -f route.yaml --context prod"})
final class DiffCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Mixin ClusterOptions cluster;

  @Option(
      names = {"-f", "--file"},
      required = true,
      paramLabel = "FILE|-",
      description = "The proposed HTTPRoute or GRPCRoute (its kind: says which); - reads stdin.")
  String file;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  ReportFormat output;

  private final Streams streams;

  DiffCommand(Streams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() {
    return LiveRun.diff(cluster, streams, output, InputFile.read(file, streams.in()));
  }
}
