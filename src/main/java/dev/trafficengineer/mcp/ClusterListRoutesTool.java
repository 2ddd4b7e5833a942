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
        "List the live HTTPRoutes and GRPCRoutes of a namespace",
        NamespaceRequest.class,
        RouteList.class);
    this.reads = reads;
  }

  @Override
  String description() {
    return """
        List the HTTPRoutes and GRPCRoutes of one namespace in the connected cluster: per route \
        its kind, hostnames, \
        parent Gateways, weights per rule, whether every parent accepted it, and the owning \
        controller if any. A kind whose CRD the cluster does not serve is left out with a note. \
        Use it to find the route the user means, then cluster_get_route (with its kind).""";
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
