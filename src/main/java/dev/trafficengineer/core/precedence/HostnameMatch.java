package dev.trafficengineer.core.precedence;

import java.util.ArrayList;
import java.util.List;

/**
 * Which routes compete for a host. Hostnames rank before any rule (apis/v1/httproute_types.go,
 * HTTPRouteSpec.Hostnames): the longest matching non-wildcard hostname, then the longest matching
 * wildcard. A route without hostnames takes any host but ranks last. Only the routes with the best
 * hostname compete: a Gateway serves each hostname as its own virtual host, so a request for {@code
 * api.example.com} that no rule of the {@code api.example.com} routes matches gets 404 rather than
 * falling through to a {@code *.example.com} route. {@code *.example.com} matches {@code
 * a.example.com} and {@code a.b.example.com}, not {@code example.com}.
 */
final class HostnameMatch {
  record Selection(List<RouteFacts> routes, String reason) {}

  private HostnameMatch() {}

  static Selection select(List<RouteFacts> routes, String host) {
    if (host == null) {
      return new Selection(
          routes, "no host given: hostnames are not compared, every route competes");
    }
    long best = Long.MIN_VALUE;
    for (RouteFacts route : routes) {
      best = Math.max(best, rank(route, host));
    }
    List<RouteFacts> chosen = new ArrayList<>();
    List<String> outranked = new ArrayList<>();
    List<String> elsewhere = new ArrayList<>();
    for (RouteFacts route : routes) {
      long rank = rank(route, host);
      if (rank == NO_MATCH) {
        elsewhere.add(route.key());
      } else if (rank == best) {
        chosen.add(route);
      } else {
        outranked.add(route.key() + " (" + hostnameFor(route, host) + ")");
      }
    }
    StringBuilder reason = new StringBuilder("host ").append(host).append(": ");
    if (chosen.isEmpty()) {
      reason.append("no route serves it");
    } else {
      String how =
          best == ANY_HOST ? "no hostnames, so any host" : hostnameFor(chosen.get(0), host);
      reason
          .append(String.join(", ", chosen.stream().map(RouteFacts::key).toList()))
          .append(" (")
          .append(how)
          .append(")");
      if (!outranked.isEmpty()) {
        reason.append("; less specific and not competing: ").append(String.join(", ", outranked));
      }
    }
    if (!elsewhere.isEmpty()) {
      reason.append("; not serving this host: ").append(String.join(", ", elsewhere));
    }
    return new Selection(List.copyOf(chosen), reason.toString());
  }

  private static final long NO_MATCH = Long.MIN_VALUE + 1;
  private static final long ANY_HOST = 0;

  /** Exact hostnames above wildcards above "no hostnames"; longer above shorter. */
  private static long rank(RouteFacts route, String host) {
    if (route.hostnames().isEmpty()) {
      return ANY_HOST;
    }
    long best = NO_MATCH;
    for (String hostname : route.hostnames()) {
      if (hostname.equals(host)) {
        best = Math.max(best, 1_000_000L + hostname.length());
      } else if (wildcardMatches(hostname, host)) {
        best = Math.max(best, 1_000L + hostname.length());
      }
    }
    return best;
  }

  static boolean wildcardMatches(String hostname, String host) {
    if (!hostname.startsWith("*.")) {
      return false;
    }
    String suffix = hostname.substring(1);
    return host.length() > suffix.length() && host.endsWith(suffix);
  }

  private static String hostnameFor(RouteFacts route, String host) {
    if (route.hostnames().contains(host)) {
      return "exact hostname " + host;
    }
    return route.hostnames().stream()
        .filter(hostname -> wildcardMatches(hostname, host))
        .max((a, b) -> Integer.compare(a.length(), b.length()))
        .map(hostname -> "wildcard hostname " + hostname)
        .orElse("no hostnames, so any host");
  }
}
