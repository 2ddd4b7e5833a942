package dev.trafficengineer.cli;

import dev.trafficengineer.core.picture.RoutePictures;
import dev.trafficengineer.core.rollback.Rollback;
import dev.trafficengineer.core.rollback.RollbackRequest;
import dev.trafficengineer.core.rollback.RollbackResult;
import dev.trafficengineer.core.rollback.TargetRefused;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "rollback",
    description = {
      "Roll back, switch or promote a route with a guarded JSON patch (tool rollback_patch).",
      "Prints the one kubectl command to run, how to verify it and the clean-up. The patch"
          + " changes only the weights that must change and fails as a whole if the route"
          + " changed since it was read.",
      "It never guesses: when the canary is not certain (a 100/0 route, a blue-green pair, two"
          + " versions), it refuses with exit 2 and lists --target, --canary-service and --to"
          + " choices, each with what it would change. A route already as asked prints"
          + " 'Nothing to change' with exit 0."
    },
    footer = {
      "",
      "Example (3 AM: the canary misbehaves):",
      "  kubectl get httproute task-api-canary -n task-api -o yaml > route.yaml",
      "  traffic-engineer rollback -f route.yaml",
      "  traffic-engineer rollback -f route.yaml --to task-api-stable   # name the healthy one",
      "  kubectl get grpcroute orders-canary -n orders -o yaml > grpc-route.yaml",
      "  traffic-engineer rollback -f grpc-route.yaml                   # a GRPCRoute alike",
      "  traffic-engineer rollback --live -n task-api --name task-api-canary   # dry run",
      "  traffic-engineer rollback --live -n task-api --name task-api-canary --yes",
      "  traffic-engineer rollback --live --kind grpc -n orders --name orders-canary   # GRPCRoute"
    })
final class RollbackCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE|-",
      description =
          "The HTTPRoute or GRPCRoute as it is now (kubectl get httproute NAME -o yaml);"
              + " - reads stdin."
              + " Without it no patch can be guarded.")
  String file;

  @Option(
      names = "--canary-service",
      description =
          "Service to roll back (default: inferred only when certain: named *-canary, or a"
              + " minority share of every rule it shares).")
  String canaryService;

  @Option(
      names = "--to",
      paramLabel = "SERVICE",
      description =
          "Send all traffic of every rule that splits between SERVICE and other backends to"
              + " SERVICE; works for any names (instead of --target and --canary-service).")
  String to;

  @Option(
      names = "--target",
      description =
          "stable (default: canary to 0), canary (promote), blue, green, ab-off (A/B rules"
              + " removed).")
  String target;

  @Option(
      names = "--kind",
      paramLabel = "<kind>",
      description =
          "http (default) or grpc: the route's kind, checked against -f, or naming the resource"
              + " read without it (--live, or no -f).")
  String kind;

  @Option(names = "--name", description = "Route name (checked against -f, or used without it).")
  String name;

  @Option(
      names = {"-n", "--namespace"},
      description = "Route namespace (checked against -f, or used without it).")
  String namespace;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  PictureFormat output;

  @Option(
      names = "--live",
      description =
          "Read the route from the cluster (needs --name and -n) and send the patch there: a"
              + " server-side dry run unless --yes is given.")
  boolean live;

  @Option(names = "--yes", description = "With --live, apply the patch; without it, a dry run.")
  boolean yes;

  @Mixin ClusterOptions cluster;

  @Spec CommandSpec spec;

  private final Streams streams;

  RollbackCommand(Streams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() {
    try {
      return run();
    } catch (TargetRefused refused) {
      streams.printError(RollbackPrinter.refusal(refused));
      return ErrorReporting.EXIT_USAGE;
    }
  }

  private int run() {
    if (live) {
      if (file != null) {
        throw new ParameterException(spec.commandLine(), "--live reads the route: drop -f");
      }
      if (output == PictureFormat.svg) {
        throw new ParameterException(spec.commandLine(), "-o svg draws the route given with -f");
      }
      return LiveRun.rollback(
          cluster,
          streams,
          output.report(),
          namespace,
          name,
          canaryService,
          target,
          to,
          GrpcOptions.kind(kind),
          yes);
    }
    for (String option : List.of("--yes", "--context", "--kubeconfig", "--as", "--as-group")) {
      if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
        throw new ParameterException(spec.commandLine(), option + " needs --live");
      }
    }
    String routeYaml = file == null ? null : InputFile.read(file, streams.in());
    RollbackRequest request =
        new RollbackRequest(
            routeYaml, name, namespace, canaryService, target, to, GrpcOptions.kind(kind));
    RollbackResult result = Rollback.compute(request);
    streams.print(
        switch (output) {
          case json -> Json.pretty(result);
          case svg -> RoutePictures.svg(RoutePictures.ofRollback(request, result));
          case text -> RollbackPrinter.text(result);
        });
    return 0;
  }
}
