package dev.trafficengineer.cluster;

/** The routes of one namespace: {@code cluster_list_routes}. */
public record NamespaceRequest(String namespace) {}
