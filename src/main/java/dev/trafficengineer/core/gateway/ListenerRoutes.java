package dev.trafficengineer.core.gateway;

import java.util.List;

/**
 * One listener and the routes attached to it: its HTTPRoutes compete for its HTTP requests, its
 * GRPCRoutes for its gRPC calls (an HTTPRoute and a GRPCRoute whose hostnames intersect are not
 * both here, see {@link KindConflicts}).
 *
 * @param gateway {@code namespace/name} of its Gateway
 * @param hostname the listener's hostname, {@code null} for any
 */
public record ListenerRoutes(
    String gateway,
    String name,
    Integer port,
    String hostname,
    List<ServedRoute> routes,
    List<ServedGrpcRoute> grpcRoutes) {

  public ListenerRoutes {
    routes = List.copyOf(routes);
    grpcRoutes = List.copyOf(grpcRoutes);
  }

  /** {@code ns/gateway/listener}. */
  public String key() {
    return gateway + "/" + name;
  }
}
