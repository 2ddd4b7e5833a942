package dev.trafficengineer.core.generate;

import dev.trafficengineer.core.input.InputRules;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.patch.JsonPatchOperation;
import dev.trafficengineer.core.patch.RouteRules;
import dev.trafficengineer.core.patch.ShellCommand;
import dev.trafficengineer.core.patch.WeightShift;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRuleBuilder;
import java.util.ArrayList;
import java.util.List;

/** Generates weighted canary routes, optionally with a protected header rule first. */
public final class CanaryGenerator {
  private CanaryGenerator() {}

  public static RouteResult generate(CanaryRequest request) {
    if (GrpcGenerators.wanted(request.kind(), request.grpcMethod())) {
      return GrpcGenerators.canary(request);
    }
    CanaryRoute<HTTPRoute> canary = httpRoute(request);
    List<String> notes = new ArrayList<>();
    notes.add(weightNote(canary));
    if (request.protectHeader() != null) {
      HeaderMatchInput header = request.protectHeader();
      notes.add(
          "Requests with "
              + header.name()
              + ": "
              + header.value()
              + " match rule 0, which sends them only to "
              + request.stableService()
              + ". Rule 0 matches the same path with one more header, so it is more specific"
              + " than the canary rule and wins under Gateway API precedence, whatever the"
              + " order.");
    }
    List<ShellCommand> commands = new ArrayList<>(RouteResults.standardCommands(canary.route()));
    commands.add(canary.rollbackCommand());
    return RouteResults.of(canary.route(), commands, notes);
  }

  /** The canary route of either kind, as {@link #generate} would write it. */
  static CanaryRoute<?> build(CanaryRequest request) {
    return GrpcGenerators.wanted(request.kind(), request.grpcMethod())
        ? GrpcGenerators.canaryRoute(request)
        : httpRoute(request);
  }

  private static CanaryRoute<HTTPRoute> httpRoute(CanaryRequest request) {
    String stable = InputRules.label("stableService", request.stableService());
    String canary = InputRules.label("canaryService", request.canaryService());
    if (stable.equals(canary)) {
      throw new InvalidInputException(
          "canaryService", canary, "must differ from stableService, or no traffic is split");
    }
    int port = InputRules.port("port", request.port());
    Weights weights = Weights.of(request.canaryWeight(), request.stableWeight());
    String name =
        request.name() == null
            ? RouteFrame.baseName(stable, "-stable") + "-canary"
            : request.name();
    RouteFrame frame =
        new RouteFrame(
            request.namespace(),
            name,
            request.gateway(),
            request.gatewayNamespace(),
            request.sectionName(),
            request.hostnames(),
            request.pathPrefix());

    List<HTTPRouteRule> rules = new ArrayList<>();
    if (request.protectHeader() != null) {
      rules.add(
          new HTTPRouteRuleBuilder()
              .withMatches(frame.matches("protectHeader", request.protectHeader()))
              .withBackendRefs(RouteFrame.backend(stable, port, 100))
              .build());
    }
    rules.add(
        new HTTPRouteRuleBuilder()
            .withMatches(frame.matches())
            .withBackendRefs(
                RouteFrame.backend(stable, port, weights.stable()),
                RouteFrame.backend(canary, port, weights.canary()))
            .build());
    HTTPRoute route = frame.route().editSpec().withRules(rules).endSpec().build();
    return new CanaryRoute<>(route, RouteRules.of(route), rules.size() - 1, weights);
  }

  private static String weightNote(CanaryRoute<HTTPRoute> canary) {
    List<BackendShare> shares =
        SplitSummary.shares(
            canary.route().getSpec().getRules().get(canary.splitRule()).getBackendRefs());
    return "Weights are proportional: "
        + canary.weights().stable()
        + " and "
        + canary.weights().canary()
        + " send "
        + SplitSummary.percentText(shares.get(0).percent())
        + " to the stable and "
        + SplitSummary.percentText(shares.get(1).percent())
        + " to the canary Service.";
  }

  /**
   * The route and where its split lives, so that stages and rollbacks can patch it.
   *
   * @param rules the same route as the patches read it
   */
  record CanaryRoute<R extends HasMetadata>(
      R route, RouteRules rules, int splitRule, Weights weights) {
    /**
     * Canary to 0 and its weight to stable, so percent weights still read as percent (95/5 becomes
     * 100/0): the same patch the rollback tool computes from this route.
     */
    List<JsonPatchOperation> rollback() {
      String canary = rules.rules().get(splitRule).backends().get(1).name();
      return WeightShift.drain(rules, canary).operations();
    }

    /** The canary-rollback command every canary result carries. */
    ShellCommand rollbackCommand() {
      return RouteResults.patchCommand(
          "Roll back: canary to weight 0, its share to stable, nothing else touched. The tests"
              + " make kubectl refuse the patch if the route changed since it was generated",
          route,
          rollback());
    }
  }

  /** The stable and canary weights, from a percentage or from two explicit weights. */
  record Weights(int stable, int canary) {
    static Weights of(Integer canaryWeight, Integer stableWeight) {
      if (stableWeight == null) {
        int canary = InputRules.percent("canaryWeight", canaryWeight);
        return new Weights(InputRules.MAX_PERCENT - canary, canary);
      }
      int canary = InputRules.weight("canaryWeight", canaryWeight);
      int stable = InputRules.weight("stableWeight", stableWeight);
      if (canary == 0 && stable == 0) {
        throw new InvalidInputException(
            "stableWeight",
            0,
            "and canaryWeight 0 leave the rule with no traffic to send: every request would get"
                + " a 500");
      }
      return new Weights(stable, canary);
    }
  }
}
