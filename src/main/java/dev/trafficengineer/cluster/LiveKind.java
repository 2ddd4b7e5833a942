package dev.trafficengineer.cluster;

import dev.trafficengineer.core.generate.GrpcRouteInput;
import dev.trafficengineer.core.generate.GrpcSplitSummary;
import dev.trafficengineer.core.generate.RouteInput;
import dev.trafficengineer.core.generate.RuleSplit;
import dev.trafficengineer.core.grpc.RouteKind;
import dev.trafficengineer.core.patch.RouteRules;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What the live tools need to know about one kind of route: its fabric8 model, how a proposed one
 * is read, what of it is shown (hostnames, parents, status), how the patches read its rules and how
 * its weights are shown. Everything else (the reads, the diff, the guarded patch, the dry run, the
 * token, the person's yes) is the same for HTTPRoutes and GRPCRoutes.
 *
 * @param parse reads the one route of this kind in a YAML text ({@code field} names it in errors)
 * @param withoutServerFields a copy without status and server-owned metadata
 */
record LiveKind<R extends HasMetadata>(
    RouteKind kind,
    Class<R> type,
    Supplier<R> empty,
    BiFunction<String, String, R> parse,
    UnaryOperator<R> withoutServerFields,
    Function<R, List<String>> hostnames,
    Function<R, List<ParentReference>> parentRefs,
    Function<R, List<RouteParentStatus>> statuses,
    Function<R, RouteRules> rules,
    Function<R, List<RuleSplit>> splits) {

  static final LiveKind<HTTPRoute> HTTP =
      new LiveKind<>(
          RouteKind.HTTP_ROUTE,
          HTTPRoute.class,
          HTTPRoute::new,
          RouteInput::single,
          RouteInput::withoutServerFields,
          route -> route.getSpec() == null ? null : route.getSpec().getHostnames(),
          route -> route.getSpec() == null ? null : route.getSpec().getParentRefs(),
          route -> route.getStatus() == null ? null : route.getStatus().getParents(),
          RouteRules::of,
          RouteViews::rules);

  static final LiveKind<GRPCRoute> GRPC =
      new LiveKind<>(
          RouteKind.GRPC_ROUTE,
          GRPCRoute.class,
          GRPCRoute::new,
          GrpcRouteInput::single,
          GrpcRouteInput::withoutServerFields,
          route -> route.getSpec() == null ? null : route.getSpec().getHostnames(),
          route -> route.getSpec() == null ? null : route.getSpec().getParentRefs(),
          route -> route.getStatus() == null ? null : route.getStatus().getParents(),
          RouteRules::of,
          route ->
              route.getSpec() == null || route.getSpec().getRules() == null
                  ? List.of()
                  : GrpcSplitSummary.of(route));

  static LiveKind<?> of(RouteKind kind) {
    return kind == RouteKind.GRPC_ROUTE ? GRPC : HTTP;
  }

  /**
   * The kind a proposed route's own {@code kind:} names; anything else is HTTPRoute's to refuse.
   */
  static LiveKind<?> ofDocument(String yaml) {
    return GrpcRouteInput.isGrpcRoute(yaml) ? GRPC : HTTP;
  }

  /** A route of this kind with only a namespace and a name: what a route not yet there is. */
  R absent(String namespace, String name) {
    R none = empty.get();
    none.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    return none;
  }
}
