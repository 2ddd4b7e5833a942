package dev.trafficengineer.cluster;

import java.util.List;

/**
 * The HTTPRoutes of one namespace by name, then its GRPCRoutes by name.
 *
 * @param notes the kinds not listed and why (their CRD is not installed in the cluster)
 */
public record RouteList(String namespace, List<RouteSummary> routes, List<String> notes) {}
