package dev.trafficengineer.cli;

import dev.trafficengineer.core.generate.HeaderMatchInput;
import dev.trafficengineer.core.generate.RolloutPlan;
import dev.trafficengineer.core.generate.RolloutPlanner;
import dev.trafficengineer.core.generate.RolloutRequest;
import dev.trafficengineer.core.picture.RoutePictures;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "plan",
    description = {
      "Plan a staged canary rollout (tool plan_rollout).",
      "Per stage: the route or a guarded patch, how to verify it and the gates before moving on;"
          + " then the steps that finish the rollout."
    },
    footer = {
      "",
      "Example (the lesson's rollout, 5 -> 25 -> 50 -> 100 percent):",
      "  traffic-engineer plan --name task-api-canary --namespace task-api \\",
      "    --gateway task-api-gateway --stable-service task-api-stable \\",
      "    --canary-service task-api-canary --port 8000 --path-prefix /api/ \\",
      "    --stages 5,25,50,100",
      "",
      "The same for a gRPC service (a GRPCRoute, stages patched on the grpcroute):",
      "  traffic-engineer plan --kind grpc --grpc-service shop.orders.v1.OrderService \\",
      "    --namespace orders --gateway grpc-gateway --stable-service orders-stable \\",
      "    --canary-service orders-canary --port 50051"
    })
final class PlanCommand implements Callable<Integer> {
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
      names = "--stages",
      split = ",",
      paramLabel = "<percent>",
      description = "Canary percentages in increasing order (default 5,25,50,100).")
  List<Integer> stages;

  @Option(
      names = "--canary-weight",
      description = "Percent to start at when --stages is not given.")
  Integer canaryWeight;

  @Option(
      names = "--protect-header",
      paramLabel = "<name=value>",
      description = "Keep requests with this header on the stable Service in every stage.")
  String protectHeader;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  PictureFormat output;

  @Option(
      names = "--route",
      paramLabel = "FILE|-",
      description =
          "The route as it is now (kubectl get httproute -o yaml): the plan warns when it pins"
              + " sessions.")
  String currentRoute;

  private final Streams streams;

  PlanCommand(Streams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() {
    HeaderMatchInput protect =
        protectHeader == null ? null : HeaderMatchInput.parse("protectHeader", protectHeader);
    RolloutRequest request =
        new RolloutRequest(
            route.namespace,
            route.gateway,
            stableService,
            canaryService,
            route.port,
            stages,
            canaryWeight,
            route.name,
            route.pathPrefix,
            route.hostnames,
            route.gatewayNamespace,
            route.sectionName,
            protect,
            currentRoute == null ? null : InputFile.read(currentRoute, streams.in()),
            GrpcOptions.kind(grpc),
            GrpcOptions.method(grpc));
    RolloutPlan plan = RolloutPlanner.plan(request);
    streams.print(
        switch (output) {
          case json -> Json.pretty(plan);
          case svg -> RoutePictures.svg(RoutePictures.ofPlan(request, plan));
          case text -> PlanPrinter.text(plan);
        });
    return 0;
  }
}
