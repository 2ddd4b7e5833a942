package dev.trafficengineer.core.precedence;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * What precedence needs to know about a route as a whole: its place in the input, its identity, its
 * age and its hostnames. A route without {@code creationTimestamp} has not been created yet (it is
 * the one about to be applied), so it counts as the newest.
 */
record RouteFacts(
    int index, String namespace, String name, Instant created, List<String> hostnames) {
  static final String DEFAULT_NAMESPACE = "default";

  static RouteFacts of(int index, HTTPRoute route) {
    ObjectMeta metadata = route.getMetadata() == null ? new ObjectMeta() : route.getMetadata();
    List<String> hostnames =
        route.getSpec() == null || route.getSpec().getHostnames() == null
            ? List.of()
            : route.getSpec().getHostnames().stream()
                .map(host -> host.toLowerCase(Locale.ROOT))
                .toList();
    return new RouteFacts(
        index,
        metadata.getNamespace() == null ? DEFAULT_NAMESPACE : metadata.getNamespace(),
        metadata.getName() == null ? "(unnamed)" : metadata.getName(),
        parse(metadata.getCreationTimestamp()),
        hostnames);
  }

  private static Instant parse(String timestamp) {
    if (timestamp == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(timestamp).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** {@code namespace/name}, the key of the last tie-break across routes. */
  String key() {
    return namespace + "/" + name;
  }
}
