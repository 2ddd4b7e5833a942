package dev.trafficengineer.core.gateway;

import java.util.List;

/**
 * Which route kinds a listener admits. With {@code allowedRoutes.kinds} unset the protocol decides
 * (gateway_types.go, RouteGroupKind): HTTP and HTTPS take HTTPRoute (and GRPCRoute); TLS, TCP and
 * UDP take their own kinds. An implementation-specific protocol ({@code example.com/proto}) leaves
 * it to the implementation, so nothing is concluded.
 */
final class RouteKinds {
  static final String GROUP = "gateway.networking.k8s.io";
  private static final String HTTP_ROUTE = GROUP + "/HTTPRoute";

  enum Admits {
    YES,
    NO,
    UNKNOWN
  }

  private RouteKinds() {}

  static Admits httpRoute(Listener listener) {
    List<String> kinds = listener.kinds();
    if (!kinds.isEmpty()) {
      return kinds.contains(HTTP_ROUTE) ? Admits.YES : Admits.NO;
    }
    return switch (listener.protocol()) {
      case "HTTP", "HTTPS" -> Admits.YES;
      case "TLS", "TCP", "UDP" -> Admits.NO;
      default -> Admits.UNKNOWN;
    };
  }
}
