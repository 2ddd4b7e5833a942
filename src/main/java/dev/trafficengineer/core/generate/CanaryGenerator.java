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
    Parts parts = Parts.of(request);
    String stable = parts.stable();
    String canary = parts.canary();
    int port = parts.port();
    Weights weights = parts.weights();
    String name = parts.name();
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
    return weightNote(
            canary.weights(),
            SplitSummary.shares(
                canary.route().getSpec().getRules().get(canary.splitRule()).getBackendRefs()))
        + ".";
  }

  /** "Weights are proportional: 95 and 5 send 95 % to the stable and 5 % to the canary Service". */
  static String weightNote(Weights weights, List<BackendShare> shares) {
    return "Weights are proportional: "
        + weights.stable()
        + " and "
        + weights.canary()
        + " send "
        + SplitSummary.percentText(shares.get(0).percent())
        + " to the stable and "
        + SplitSummary.percentText(shares.get(1).percent())
        + " to the canary Service";
  }

  /**
   * What a canary of either kind is made of, checked once: two distinct Services, the port, the
   * weights, and the route's name (given, or the stable Service's base name + {@code -canary}).
   */
  record Parts(String stable, String canary, int port, Weights weights, String name) {
    static Parts of(CanaryRequest request) {
      String stable = InputRules.label("stableService", request.stableService());
      String canary = InputRules.label("canaryService", request.canaryService());
      if (stable.equals(canary)) {
        throw new InvalidInputException(
            "canaryService", canary, "must differ from stableService, or no traffic is split");
      }
      return new Parts(
          stable,
          canary,
          InputRules.port("port", request.port()),
          Weights.of(request.canaryWeight(), request.stableWeight()),
          request.name() == null
              ? RouteFrame.baseName(stable, "-stable") + "-canary"
              : request.name());
    }
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
