package dev.trafficengineer.core.gateway;

import java.util.List;

/**
 * Which route kinds a listener admits. With {@code allowedRoutes.kinds} unset the protocol decides
 * (gateway_types.go, AllowedRoutes.Kinds: "When unspecified or empty, the kinds of Routes selected
 * are determined using the Listener protocol"): HTTP and HTTPS take HTTPRoute and GRPCRoute (the
 * conformance suite attaches its GRPCRoutes to the HTTP listener of Gateway {@code same-namespace},
 * which sets no kinds); TLS, TCP and UDP take their own kinds. An implementation-specific protocol
 * ({@code example.com/proto}) leaves it to the implementation, so nothing is concluded.
 */
final class RouteKinds {
  static final String GROUP = "gateway.networking.k8s.io";

  enum Admits {
    YES,
    NO,
    UNKNOWN
  }

  private RouteKinds() {}

  /** Whether {@code listener} admits routes of {@code kind} (HTTPRoute or GRPCRoute). */
  static Admits admits(Listener listener, String kind) {
    List<String> kinds = listener.kinds();
    if (!kinds.isEmpty()) {
      return kinds.contains(GROUP + "/" + kind) ? Admits.YES : Admits.NO;
    }
    return switch (listener.protocol()) {
      case "HTTP", "HTTPS" -> Admits.YES;
      case "TLS", "TCP", "UDP" -> Admits.NO;
      default -> Admits.UNKNOWN;
    };
  }
}
