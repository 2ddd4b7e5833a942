package dev.trafficengineer.core.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The hostnames a route serves on a listener (httproute_types.go, HTTPRouteSpec.Hostnames): a route
 * hostname that does not match the listener's is ignored, and a route with hostnames none of which
 * match is not attached. Listener {@code *.example.com} takes {@code test.example.com}, {@code
 * *.example.com} and {@code *.foo.example.com}, never {@code example.com}; listener {@code
 * test.example.com} takes {@code test.example.com} and {@code *.example.com}, then as {@code
 * test.example.com}. Of two intersecting names the more specific is what is served.
 */
final class HostnameIntersection {
  private HostnameIntersection() {}

  /**
   * The hostnames served: empty when both sides leave hostnames open (any host), {@code null} when
   * nothing intersects.
   */
  static List<String> of(String listener, List<String> route) {
    List<String> routeHosts = route.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    if (listener == null) {
      return routeHosts;
    }
    String host = listener.toLowerCase(Locale.ROOT);
    if (routeHosts.isEmpty()) {
      return List.of(host);
    }
    List<String> served = new ArrayList<>();
    for (String candidate : routeHosts) {
      String common = common(host, candidate);
      if (common != null && !served.contains(common)) {
        served.add(common);
      }
    }
    return served.isEmpty() ? null : List.copyOf(served);
  }

  /** The more specific of two names when one covers the other, else {@code null}. */
  private static String common(String a, String b) {
    if (a.equals(b)) {
      return a;
    }
    if (covers(a, b)) {
      return b;
    }
    if (covers(b, a)) {
      return a;
    }
    return null;
  }

  /** Whether wildcard {@code wide} takes every name {@code narrow} takes. */
  private static boolean covers(String wide, String narrow) {
    if (!wide.startsWith("*.")) {
      return false;
    }
    String suffix = wide.substring(1);
    String rest = narrow.startsWith("*.") ? narrow.substring(1) : narrow;
    return rest.length() > suffix.length() && rest.endsWith(suffix);
  }
}
