package dev.trafficengineer.cluster;

/** One route in the cluster: {@code cluster_get_route}. */
public record RouteRequest(String namespace, String name) {}
