package dev.trafficengineer.cluster;

import dev.trafficengineer.core.generate.GrpcSplitSummary;
import dev.trafficengineer.core.generate.RuleSplit;
import dev.trafficengineer.core.grpc.RouteKind;
import dev.trafficengineer.core.patch.RouteRules;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import java.util.List;
import java.util.function.Function;

/**
 * What the write path needs to know about one kind of live route: its fabric8 model, how the
 * patches read its rules and how its weights are shown. Everything else (the guarded patch, the dry
 * run, the token, the person's yes) is the same for HTTPRoutes and GRPCRoutes.
 */
record LiveKind<R extends HasMetadata>(
    RouteKind kind,
    Class<R> type,
    Function<R, RouteRules> rules,
    Function<R, List<RuleSplit>> splits) {

  static final LiveKind<HTTPRoute> HTTP =
      new LiveKind<>(RouteKind.HTTP_ROUTE, HTTPRoute.class, RouteRules::of, RouteViews::rules);

  static final LiveKind<GRPCRoute> GRPC =
      new LiveKind<>(
          RouteKind.GRPC_ROUTE,
          GRPCRoute.class,
          RouteRules::of,
          route ->
              route.getSpec() == null || route.getSpec().getRules() == null
                  ? List.of()
                  : GrpcSplitSummary.of(route));
}
