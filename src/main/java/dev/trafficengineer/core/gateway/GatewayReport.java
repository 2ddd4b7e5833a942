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

  /** 500 or 503 when the backend's share of traffic fails, 0 when it is served. */
  public int backendStatus(int route, int rule, int backend) {
    return failing.getOrDefault(List.of(route, rule, backend), 0);
  }
}
