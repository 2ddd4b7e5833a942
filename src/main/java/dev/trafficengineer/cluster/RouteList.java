package dev.trafficengineer.cluster;

import java.util.List;

/** The HTTPRoutes of one namespace, by name. */
public record RouteList(String namespace, List<RouteSummary> routes) {}
