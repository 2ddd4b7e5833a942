package dev.trafficengineer.core.generate;

import dev.trafficengineer.core.input.InputRules;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.patch.GuardedWeightPatch;
import dev.trafficengineer.core.patch.JsonPatchOperation;
import dev.trafficengineer.core.patch.RouteRules;
import dev.trafficengineer.core.patch.ShellCommand;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRuleBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates blue-green routes. Both sides stay listed, the idle one at weight 0, so that a switch
 * and its rollback are each a guarded change of two weights rather than a rewrite of the route.
 */
public final class BlueGreenGenerator {
  private BlueGreenGenerator() {}

  public static RouteResult generate(BlueGreenRequest request) {
    String blue = InputRules.label("blueService", request.blueService());
    String green = InputRules.label("greenService", request.greenService());
    if (blue.equals(green)) {
      throw new InvalidInputException(
          "greenService", green, "must differ from blueService, or there is nothing to switch");
    }
    boolean blueActive = activeIsBlue(request.active());
    if (GrpcGenerators.wanted(request.kind(), request.grpcMethod())) {
      return GrpcGenerators.blueGreen(request, blue, green, blueActive);
    }
    String name =
        request.name() == null ? RouteFrame.baseName(blue, "-blue") + "-bluegreen" : request.name();
    RouteFrame frame =
        new RouteFrame(
            request.namespace(),
            name,
            request.gateway(),
            request.gatewayNamespace(),
            request.sectionName(),
            request.hostnames(),
            request.pathPrefix());
    int port = InputRules.port("port", request.port());

    HTTPRoute route = build(frame, blue, green, port, blueActive);
    HTTPRoute switched = build(frame, blue, green, port, !blueActive);
    String from = blueActive ? "blue" : "green";
    String to = blueActive ? "green" : "blue";
    List<JsonPatchOperation> switchPatch = switchOf(route, blueActive);
    List<JsonPatchOperation> switchBack = switchOf(switched, !blueActive);

    List<ShellCommand> commands = new ArrayList<>(RouteResults.standardCommands(route));
    commands.add(
        RouteResults.patchCommand(
            "Switch all traffic from "
                + from
                + " to "
                + to
                + " (guarded: fails if the route"
                + " changed since it was generated)",
            route,
            switchPatch));
    commands.add(
        RouteResults.patchCommand(
            "Roll back after the switch: all traffic to " + from + " again", switched, switchBack));
    List<String> notes =
        List.of(
            "All traffic goes to "
                + (blueActive ? blue : green)
                + "; "
                + (blueActive ? green : blue)
                + " stays in the route at weight 0, so switching is a change of two weights and"
                + " the idle side keeps running for an instant rollback.");
    return RouteResults.of(route, commands, notes);
  }

  private static HTTPRoute build(
      RouteFrame frame, String blue, String green, int port, boolean blueActive) {
    return frame
        .route()
        .editSpec()
        .withRules(
            new HTTPRouteRuleBuilder()
                .withMatches(frame.matches())
                .withBackendRefs(
                    RouteFrame.backend(blue, port, blueActive ? 100 : 0),
                    RouteFrame.backend(green, port, blueActive ? 0 : 100))
                .build())
        .endSpec()
        .build();
  }

  private static List<JsonPatchOperation> switchOf(HTTPRoute route, boolean blueActive) {
    return GuardedWeightPatch.on(RouteRules.of(route))
        .rule(0, blueActive ? List.of(0, 100) : List.of(100, 0))
        .operations();
  }

  private static boolean activeIsBlue(String active) {
    if ("blue".equals(active)) {
      return true;
    }
    if ("green".equals(active)) {
      return false;
    }
    if (active == null) {
      throw InvalidInputException.missing("active");
    }
    throw new InvalidInputException("active", active, "must be blue or green");
  }
}
