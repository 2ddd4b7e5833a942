package dev.trafficengineer.core.gateway;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * An HTTPRoute and a GRPCRoute on one listener whose hostnames intersect: the spec lets only one of
 * them in (grpcroute_types.go, GRPCRouteSpec.Hostnames: "If a Route (A) of type HTTPRoute or
 * GRPCRoute is attached to a Listener and that listener already has another Route (B) of the other
 * type attached and the intersection of the hostnames of A and B is non-empty, then the
 * implementation MUST accept exactly one of these two routes", the oldest by creation timestamp,
 * then the first by {@code namespace/name}; the other gets {@code Accepted=False}). The rejected
 * route is TE501 on that listener and is taken off it, so that it competes for nothing there.
 *
 * <p>A route given without a creation timestamp (a file not applied yet) is taken to be created
 * after any route that has one, as applying it would make it. When neither has one, which route is
 * older is not known: both get a warning that names the outcome of each order, and both stay.
 */
final class KindConflicts {
  private KindConflicts() {}

  static void check(
      Listener listener,
      List<ServedRoute> http,
      List<ServedGrpcRoute> grpc,
      List<AnalyzedRoute> routes,
      List<GatewayFinding> findings) {
    List<ServedRoute> rejectedHttp = new ArrayList<>();
    List<ServedGrpcRoute> rejectedGrpc = new ArrayList<>();
    for (ServedRoute h : http) {
      for (ServedGrpcRoute g : grpc) {
        List<String> common =
            intersection(h.served().getSpec().getHostnames(), g.served().getSpec().getHostnames());
        if (common == null) {
          continue;
        }
        AnalyzedRoute a = routes.get(h.route());
        AnalyzedRoute b = routes.get(g.route());
        Integer older = older(a, b);
        if (older == null) {
          findings.add(undecided(h.route(), a, b, listener, common));
          findings.add(undecided(g.route(), b, a, listener, common));
        } else if (older < 0) {
          rejectedGrpc.add(g);
          findings.add(rejected(g.route(), b, a, listener, common));
        } else {
          rejectedHttp.add(h);
          findings.add(rejected(h.route(), a, b, listener, common));
        }
      }
    }
    http.removeAll(rejectedHttp);
    grpc.removeAll(rejectedGrpc);
  }

  /**
   * The hostnames both serve on the listener ({@code any host} when both are open), or {@code null}
   * when they share none. An empty list is every host the listener takes.
   */
  private static List<String> intersection(List<String> a, List<String> b) {
    List<String> left = a == null ? List.of() : a;
    List<String> right = b == null ? List.of() : b;
    if (left.isEmpty() || right.isEmpty()) {
      return left.isEmpty() ? right : left;
    }
    List<String> common = new ArrayList<>();
    for (String host : left) {
      List<String> shared = HostnameIntersection.of(host, right);
      if (shared != null) {
        shared.stream().filter(s -> !common.contains(s)).forEach(common::add);
      }
    }
    return common.isEmpty() ? null : common;
  }

  /**
   * Negative when {@code a} is accepted, positive when {@code b} is, {@code null} when it depends
   * on creation times not given.
   */
  private static Integer older(AnalyzedRoute a, AnalyzedRoute b) {
    Instant first = instant(a.creationTimestamp());
    Instant second = instant(b.creationTimestamp());
    if (first == null && second == null) {
      return null;
    }
    if (first == null || second == null) {
      return first == null ? 1 : -1;
    }
    int byTime = first.compareTo(second);
    return byTime != 0 ? byTime : a.key().compareTo(b.key()) < 0 ? -1 : 1;
  }

  private static Instant instant(String timestamp) {
    try {
      return timestamp == null ? null : Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static GatewayFinding rejected(
      int index, AnalyzedRoute route, AnalyzedRoute kept, Listener listener, List<String> common) {
    return new GatewayFinding(
        index,
        Codes.NOT_ADMITTED,
        "error",
        route.hostnames().isEmpty() ? "/spec/parentRefs" : "/spec/hostnames",
        "On listener "
            + listener.key()
            + ", "
            + describe(kept)
            + " serves "
            + hosts(common)
            + " too, and of an HTTPRoute and a GRPCRoute with intersecting hostnames the"
            + " listener accepts only the older (then the first by namespace/name): this "
            + route.kind()
            + " is not accepted there (Accepted=False) and serves nothing on it.",
        "Give the two routes hostnames that do not intersect, or attach them to different"
            + " listeners.",
        1.0);
  }

  private static GatewayFinding undecided(
      int index, AnalyzedRoute route, AnalyzedRoute other, Listener listener, List<String> common) {
    return new GatewayFinding(
        index,
        Codes.NOT_ADMITTED,
        "warning",
        route.hostnames().isEmpty() ? "/spec/parentRefs" : "/spec/hostnames",
        "On listener "
            + listener.key()
            + ", "
            + describe(other)
            + " serves "
            + hosts(common)
            + " too, and of an HTTPRoute and a GRPCRoute with intersecting hostnames the"
            + " listener accepts only the older: without creation timestamps it is not known"
            + " which; if this "
            + route.kind()
            + " is created later, it serves nothing on this listener.",
        "Give the two routes hostnames that do not intersect, or attach them to different"
            + " listeners.",
        null);
  }

  private static String describe(AnalyzedRoute route) {
    return route.kind() + " " + route.key();
  }

  private static String hosts(List<String> common) {
    return common.isEmpty() ? "every host of the listener" : String.join(", ", common);
  }
}
