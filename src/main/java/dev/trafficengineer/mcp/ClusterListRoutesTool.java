package dev.trafficengineer.mcp;

import dev.trafficengineer.cluster.ClusterText;
import dev.trafficengineer.cluster.NamespaceRequest;
import dev.trafficengineer.cluster.RouteList;
import dev.trafficengineer.cluster.RouteReads;

final class ClusterListRoutesTool extends ClusterTool<NamespaceRequest, RouteList> {
  private final RouteReads reads;

  ClusterListRoutesTool(RouteReads reads) {
    super(
        "cluster_list_routes",
        "List the live HTTPRoutes of a namespace",
        NamespaceRequest.class,
        RouteList.class);
    this.reads = reads;
  }

  @Override
  String description() {
    return """
        List the HTTPRoutes of one namespace in the connected cluster: per route its hostnames, \
        parent Gateways, weights per rule, whether every parent accepted it, and the owning \
        controller if any. Use it to find the route the user means, then cluster_get_route.""";
  }

  @Override
  RouteList call(NamespaceRequest request) {
    return reads.list(request);
  }

  @Override
  String text(RouteList result) {
    return ClusterText.of(result);
  }
}
