package dev.trafficengineer.cluster;

/**
 * One route in the cluster: {@code cluster_get_route}.
 *
 * @param kind {@code HTTPRoute} (when absent) or {@code GRPCRoute}: which route is read
 */
public record RouteRequest(String namespace, String name, String kind) {
  /** An HTTPRoute. */
  public RouteRequest(String namespace, String name) {
    this(namespace, name, null);
  }
}
