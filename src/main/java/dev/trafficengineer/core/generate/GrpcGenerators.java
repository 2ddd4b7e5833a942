package dev.trafficengineer.core.generate;

import dev.trafficengineer.core.grpc.GrpcMethodInput;
import dev.trafficengineer.core.grpc.GrpcRouteFrame;
import dev.trafficengineer.core.grpc.RouteKind;
import dev.trafficengineer.core.input.InputRules;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.patch.RouteRules;
import dev.trafficengineer.core.patch.ShellCommand;
import dev.trafficengineer.core.yaml.RouteYamlWriter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteRuleBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The canary, blue-green and A/B patterns written as GRPCRoutes: the same rules and weights as the
 * HTTPRoute generators, with a gRPC service/method match where those have a path prefix.
 */
final class GrpcGenerators {
  private GrpcGenerators() {}

  /**
   * Whether {@code kind} asks for a GRPCRoute; an HTTPRoute request must not carry a gRPC match.
   */
  static boolean wanted(String kind, GrpcMethodInput grpcMethod) {
    if (RouteKind.of("kind", kind) == RouteKind.GRPC_ROUTE) {
      return true;
    }
    if (grpcMethod != null) {
      throw new InvalidInputException(
          "grpcMethod",
          grpcMethod.service() != null ? grpcMethod.service() : grpcMethod.method(),
          "applies to GRPCRoutes only: pass kind GRPCRoute with it");
    }
    return false;
  }

  static RouteResult canary(CanaryRequest request) {
    CanaryGenerator.CanaryRoute<GRPCRoute> canary = canaryRoute(request);
    List<RuleSplit> split = GrpcSplitSummary.of(canary.route());
    List<BackendShare> shares = split.get(split.size() - 1).backends();
    List<String> notes = new ArrayList<>();
    notes.add(
        CanaryGenerator.weightNote(canary.weights(), shares)
            + ", counted per gRPC call (each RPC on an HTTP/2 connection is routed on its"
            + " own).");
    HeaderMatchInput protect = request.protectHeader();
    if (protect != null) {
      notes.add(
          "Calls with "
              + protect.name()
              + ": "
              + protect.value()
              + " (gRPC metadata) match rule 0, which sends them only to "
              + request.stableService()
              + ". Rule 0 has the same service/method match and one more header, so it wins"
              + " under GRPCRoute precedence, whatever the order.");
    }
    List<ShellCommand> commands = new ArrayList<>(RouteResults.standardCommands(canary.route()));
    commands.add(canary.rollbackCommand());
    return result(canary.route(), commands, notes);
  }

  /** The canary GRPCRoute and its split rule, for the canary result and the rollout stages. */
  static CanaryGenerator.CanaryRoute<GRPCRoute> canaryRoute(CanaryRequest request) {
    noPathPrefix(request.pathPrefix());
    CanaryGenerator.Parts parts = CanaryGenerator.Parts.of(request);
    String stable = parts.stable();
    String canary = parts.canary();
    int port = parts.port();
    CanaryGenerator.Weights weights = parts.weights();
    String name = parts.name();
    GrpcRouteFrame frame =
        new GrpcRouteFrame(
            request.namespace(),
            name,
            request.gateway(),
            request.gatewayNamespace(),
            request.sectionName(),
            request.hostnames(),
            request.grpcMethod());
    List<GRPCRouteRule> rules = new ArrayList<>();
    HeaderMatchInput protect = request.protectHeader();
    if (protect != null) {
      rules.add(
          new GRPCRouteRuleBuilder()
              .withMatches(
                  frame.matches("protectHeader", protect.name(), protect.value(), protect.type()))
              .withBackendRefs(GrpcRouteFrame.backend(stable, port, 100))
              .build());
    }
    rules.add(
        new GRPCRouteRuleBuilder()
            .withMatches(frame.matches())
            .withBackendRefs(
                GrpcRouteFrame.backend(stable, port, weights.stable()),
                GrpcRouteFrame.backend(canary, port, weights.canary()))
            .build());
    GRPCRoute route = frame.route().editSpec().withRules(rules).endSpec().build();
    return new CanaryGenerator.CanaryRoute<>(
        route, RouteRules.of(route), rules.size() - 1, weights);
  }

  /** {@code blue} and {@code green}: the checked, distinct Service names. */
  static RouteResult blueGreen(
      BlueGreenRequest request, String blue, String green, boolean blueActive) {
    noPathPrefix(request.pathPrefix());
    String name =
        request.name() == null ? RouteFrame.baseName(blue, "-blue") + "-bluegreen" : request.name();
    GrpcRouteFrame frame =
        new GrpcRouteFrame(
            request.namespace(),
            name,
            request.gateway(),
            request.gatewayNamespace(),
            request.sectionName(),
            request.hostnames(),
            request.grpcMethod());
    int port = InputRules.port("port", request.port());
    GRPCRoute route =
        frame
            .route()
            .editSpec()
            .withRules(
                new GRPCRouteRuleBuilder()
                    .withMatches(frame.matches())
                    .withBackendRefs(
                        GrpcRouteFrame.backend(blue, port, blueActive ? 100 : 0),
                        GrpcRouteFrame.backend(green, port, blueActive ? 0 : 100))
                    .build())
            .endSpec()
            .build();
    return result(
        route,
        List.of(
            "All calls go to "
                + (blueActive ? blue : green)
                + "; "
                + (blueActive ? green : blue)
                + " stays in the route at weight 0, so switching is a change of two weights."
                + " Long-lived gRPC streams already open stay where they are until they end."));
  }

  static RouteResult abTest(AbTestRequest request) {
    noPathPrefix(request.pathPrefix());
    String stable = InputRules.label("stableService", request.stableService());
    String test = InputRules.label("testService", request.testService());
    if (stable.equals(test)) {
      throw new InvalidInputException(
          "testService", test, "must differ from stableService, or there is no experiment");
    }
    int port = InputRules.port("port", request.port());
    HeaderMatchInput header = request.header();
    if (header == null) {
      throw InvalidInputException.missing("header");
    }
    String name =
        request.name() == null ? RouteFrame.baseName(stable, "-stable") + "-ab" : request.name();
    GrpcRouteFrame frame =
        new GrpcRouteFrame(
            request.namespace(),
            name,
            request.gateway(),
            request.gatewayNamespace(),
            request.sectionName(),
            request.hostnames(),
            request.grpcMethod());
    GRPCRoute route =
        frame
            .route()
            .editSpec()
            .withRules(
                new GRPCRouteRuleBuilder()
                    .withMatches(
                        frame.matches("header", header.name(), header.value(), header.type()))
                    .withBackendRefs(GrpcRouteFrame.backend(test, port, null))
                    .build(),
                new GRPCRouteRuleBuilder()
                    .withMatches(frame.matches())
                    .withBackendRefs(GrpcRouteFrame.backend(stable, port, null))
                    .build())
            .endSpec()
            .build();
    boolean regex = "RegularExpression".equals(header.type());
    List<String> notes = new ArrayList<>();
    notes.add(
        "Calls with "
            + header.name()
            + (regex ? " matching " : ": ")
            + header.value()
            + " (gRPC metadata) go to "
            + test
            + "; all others to "
            + stable
            + ". Metadata keys match case-insensitively, values exactly.");
    if (regex) {
      notes.add(
          "Regular-expression header matches are Implementation-specific support: check that"
              + " your Gateway supports them and which regex dialect it uses (often RE2).");
    }
    return result(route, notes);
  }

  private static void noPathPrefix(String pathPrefix) {
    // "/" is the schema's default, which a client may fill in: on a GRPCRoute it means every call.
    if (pathPrefix != null && !RouteFrame.DEFAULT_PATH_PREFIX.equals(pathPrefix)) {
      throw new InvalidInputException(
          "pathPrefix",
          pathPrefix,
          "applies to HTTPRoutes only: a GRPCRoute matches calls by grpcMethod {service, method}");
    }
  }

  static RouteResult result(GRPCRoute route, List<String> notes) {
    return result(route, RouteResults.standardCommands(route), notes);
  }

  private static RouteResult result(
      GRPCRoute route, List<ShellCommand> commands, List<String> notes) {
    return new RouteResult(
        RouteResults.qualifiedName(route),
        RouteResults.fileName(route),
        RouteYamlWriter.write(route),
        GrpcSplitSummary.of(route),
        List.copyOf(commands),
        List.copyOf(notes));
  }
}
