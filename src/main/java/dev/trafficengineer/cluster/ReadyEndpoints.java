package dev.trafficengineer.cluster;

import dev.trafficengineer.core.patch.RouteRules;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts the ready endpoints of the Services a route sends to, from their EndpointSlices (label
 * {@code kubernetes.io/service-name}), for the core's capacity check. One list call per route. An
 * endpoint whose {@code ready} condition is absent counts as ready, as the API documents for
 * consumers; an endpoint in two slices (one per address family) counts once.
 */
final class ReadyEndpoints {
  static final String SERVICE_LABEL = "kubernetes.io/service-name";

  /**
   * @param counts ready endpoints per backend Service in the route's namespace (0 when it has no
   *     slice), or null when they could not be read
   * @param warning why they could not be read, or null
   */
  record Counts(Map<String, Integer> counts, String warning) {
    List<String> warnings() {
      return warning == null ? List.of() : List.of(warning);
    }
  }

  private ReadyEndpoints() {}

  /**
   * Counts them; a refused or failed read is a warning, not a failure: a rollback that cannot check
   * capacity is still better than none at 3 AM.
   */
  static Counts of(Cluster cluster, RouteRules route) {
    String namespace = route.namespace();
    List<EndpointSlice> slices;
    try {
      slices =
          cluster
              .client()
              .discovery()
              .v1()
              .endpointSlices()
              .inNamespace(namespace)
              .withLabel(SERVICE_LABEL)
              .list()
              .getItems();
    } catch (KubernetesClientException e) {
      return new Counts(
          null,
          "Capacity: the ready endpoints could not be counted (listing EndpointSlices in "
              + namespace
              + " failed: HTTP "
              + e.getCode()
              + "), so no Service was checked for them.");
    }
    Map<String, Set<String>> ready = new HashMap<>();
    for (EndpointSlice slice : slices) {
      String service = slice.getMetadata().getLabels().get(SERVICE_LABEL);
      for (Endpoint endpoint :
          slice.getEndpoints() == null ? List.<Endpoint>of() : slice.getEndpoints()) {
        boolean isReady =
            endpoint.getConditions() == null
                || !Boolean.FALSE.equals(endpoint.getConditions().getReady());
        if (isReady) {
          ready.computeIfAbsent(service, s -> new HashSet<>()).add(identity(endpoint));
        }
      }
    }
    Map<String, Integer> counts = new HashMap<>();
    for (RouteRules.Rule rule : route.rules()) {
      for (RouteRules.Backend backend : rule.backends()) {
        if (backend.isLocalService(namespace)) {
          counts.put(backend.name(), ready.getOrDefault(backend.name(), Set.of()).size());
        }
      }
    }
    return new Counts(counts, null);
  }

  /** The Pod (or other target) behind the endpoint, else its first address. */
  private static String identity(Endpoint endpoint) {
    if (endpoint.getTargetRef() != null && endpoint.getTargetRef().getName() != null) {
      return endpoint.getTargetRef().getKind() + "/" + endpoint.getTargetRef().getName();
    }
    List<String> addresses = endpoint.getAddresses();
    return addresses == null || addresses.isEmpty() ? String.valueOf(endpoint) : addresses.get(0);
  }
}
