package dev.trafficengineer.core.gateway;

import java.util.List;
import java.util.Map;

/**
 * What {@link GatewayAnalysis} found: the findings, notes on what it could not decide, where each
 * route serves, and which backends fail.
 *
 * @param listeners every listener of the Gateways given, with the routes attached to it
 * @param failing status (500 or 503) of each failing backend, keyed by [route, rule, backend]
 */
public record GatewayReport(
    List<GatewayFinding> findings,
    List<String> notes,
    List<ListenerRoutes> listeners,
    Map<List<Integer>, Integer> failing) {

  public GatewayReport {
    findings = List.copyOf(findings);
    notes = List.copyOf(notes);
    listeners = List.copyOf(listeners);
    failing = Map.copyOf(failing);
  }

  /**
   * Why the route may serve nothing on a listener after all: an HTTPRoute and a GRPCRoute with
   * intersecting hostnames given without creation timestamps, so that which one the listener
   * accepts is not known ({@link KindConflicts}).
   */
  public List<String> admissionDoubts(int route) {
    return findings.stream()
        .filter(
            f ->
                f.route() == route
                    && Codes.NOT_ADMITTED.equals(f.code())
                    && "warning".equals(f.severity()))
        .map(GatewayFinding::message)
        .toList();
  }

  /** The finding (TE505-TE507) that makes the backend fail, or {@code null} when it is served. */
  public String backendCode(int route, int rule, int backend) {
    String pointer = "/spec/rules/" + rule + "/backendRefs/" + backend;
    return findings.stream()
        .filter(
            f ->
                f.route() == route
                    && (f.pointer().equals(pointer) || f.pointer().startsWith(pointer + "/"))
                    && List.of(Codes.NO_SERVICE, Codes.NOT_GRANTED, Codes.NO_ENDPOINTS)
                        .contains(f.code()))
        .map(GatewayFinding::code)
        .findFirst()
        .orElse(null);
  }

  /** 500 or 503 when the backend's share of traffic fails, 0 when it is served. */
  public int backendStatus(int route, int rule, int backend) {
    return failing.getOrDefault(List.of(route, rule, backend), 0);
  }
}
