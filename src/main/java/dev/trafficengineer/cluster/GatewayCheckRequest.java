package dev.trafficengineer.cluster;

/** One Gateway in the cluster and everything around it: {@code cluster_check_gateway}. */
public record GatewayCheckRequest(String namespace, String gateway) {}
