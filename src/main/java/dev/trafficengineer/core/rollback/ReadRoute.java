package dev.trafficengineer.core.rollback;

import dev.trafficengineer.core.generate.GrpcRouteInput;
import dev.trafficengineer.core.generate.RouteInput;
import dev.trafficengineer.core.grpc.RouteKind;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.patch.RouteRules;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * The route a rollback starts from, HTTPRoute or GRPCRoute as its {@code kind} says, read and
 * checked as the generators read a route to change; a {@code kind} in the request must agree.
 */
record ReadRoute(ObjectMeta metadata, RouteRules rules) {

  static ReadRoute of(String routeYaml, String requestedKind) {
    RouteKind requested = requestedKind == null ? null : RouteKind.of("kind", requestedKind);
    ReadRoute route;
    if (GrpcRouteInput.isGrpcRoute(routeYaml)) {
      var grpc = GrpcRouteInput.single("routeYaml", routeYaml);
      route = new ReadRoute(grpc.getMetadata(), RouteRules.of(grpc));
    } else {
      var http = RouteInput.single("routeYaml", routeYaml);
      route = new ReadRoute(http.getMetadata(), RouteRules.of(http));
    }
    if (requested != null && requested != route.rules().kind()) {
      throw new InvalidInputException(
          "kind",
          requestedKind,
          "differs from the route's kind ("
              + route.rules().kind().kind()
              + "): the commands would name another resource");
    }
    return route;
  }
}
