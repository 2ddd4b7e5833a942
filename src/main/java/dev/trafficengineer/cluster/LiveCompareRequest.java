package dev.trafficengineer.cluster;

/**
 * A change reviewed against the cluster: {@code cluster_compare_routes}.
 *
 * @param after the YAML as it would become (routes, optionally with Gateways and the documents
 *     around them), as compare_routes takes it
 */
public record LiveCompareRequest(String after) {}
