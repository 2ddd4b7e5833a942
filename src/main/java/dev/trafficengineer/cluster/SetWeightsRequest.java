package dev.trafficengineer.cluster;

import java.util.Map;

/**
 * New weights for named backends of a live route, in every rule that lists them.
 *
 * @param weights Service name to weight (0 to 1,000,000); unnamed backends keep theirs
 * @param planToken absent: a dry run that returns one; the token of that dry run: applies it
 */
public record SetWeightsRequest(
    String namespace, String name, Map<String, Integer> weights, String planToken) {}
