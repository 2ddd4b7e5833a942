package dev.trafficengineer.core.grpc;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * What precedence needs to know about a GRPCRoute as a whole: its place in the input, identity, age
 * and hostnames. Without {@code creationTimestamp} the route is the one about to be applied, so it
 * counts as the newest (as for HTTPRoutes).
 */
record GrpcRouteFacts(
    int index, String namespace, String name, Instant created, List<String> hostnames) {

  static GrpcRouteFacts of(int index, GRPCRoute route) {
    ObjectMeta metadata = route.getMetadata() == null ? new ObjectMeta() : route.getMetadata();
    List<String> hostnames =
        route.getSpec() == null || route.getSpec().getHostnames() == null
            ? List.of()
            : route.getSpec().getHostnames().stream()
                .map(host -> host.toLowerCase(Locale.ROOT))
                .toList();
    return new GrpcRouteFacts(
        index,
        metadata.getNamespace() == null ? "default" : metadata.getNamespace(),
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

  /** {@code namespace/name}, the last tie-break across routes. */
  String key() {
    return namespace + "/" + name;
  }

  /**
   * How the route's hostnames match {@code host}: the characters of the longest matching
   * non-wildcard hostname and of the longest matching hostname of any kind (a wildcard counted as
   * written, {@code *.} included); {@code null} when the route has hostnames and none matches. A
   * route without hostnames takes any host with 0 characters. {@code *.example.com} matches {@code
   * a.example.com} and {@code a.b.example.com}, not {@code example.com}.
   */
  HostMatch hostMatch(String host) {
    if (host == null || hostnames.isEmpty()) {
      return new HostMatch(0, 0, null);
    }
    int exact = -1;
    int any = -1;
    String best = null;
    for (String hostname : hostnames) {
      if (hostname.equals(host)) {
        exact = Math.max(exact, hostname.length());
      }
      if ((hostname.equals(host) || wildcardMatches(hostname, host)) && hostname.length() > any) {
        any = hostname.length();
        best = hostname;
      }
    }
    return any < 0 ? null : new HostMatch(Math.max(exact, 0), any, best);
  }

  static boolean wildcardMatches(String hostname, String host) {
    if (!hostname.startsWith("*.")) {
      return false;
    }
    String suffix = hostname.substring(1);
    return host.length() > suffix.length() && host.endsWith(suffix);
  }

  /** The hostname characters the first two precedence steps compare. */
  record HostMatch(int nonWildcard, int any, String hostname) {}
}
