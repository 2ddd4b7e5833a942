package dev.trafficengineer.cluster;

import java.util.Map;

/**
 * New weights for named backends of a live route, in every rule that lists them.
 *
 * @param weights Service name to weight (0 to 1,000,000); unnamed backends keep theirs
 * @param planToken absent: a dry run that returns one; the token of that dry run: applies it
 * @param kind {@code HTTPRoute} (when absent) or {@code GRPCRoute}: which route is read and patched
 */
public record SetWeightsRequest(
    String namespace, String name, Map<String, Integer> weights, String planToken, String kind) {
  /** New weights for a live HTTPRoute. */
  public SetWeightsRequest(
      String namespace, String name, Map<String, Integer> weights, String planToken) {
    this(namespace, name, weights, planToken, null);
  }
}
