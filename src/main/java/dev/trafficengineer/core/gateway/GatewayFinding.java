package dev.trafficengineer.core.gateway;

/**
 * A cross-resource finding (TE501-TE509) about one route.
 *
 * @param route the route's position in the list analysed
 * @param pointer JSON Pointer inside the route document
 * @param impact the share (0..1) of the traffic this finding concerns that fails, or {@code null}
 *     when it cannot be computed
 */
public record GatewayFinding(
    int route,
    String code,
    String severity,
    String pointer,
    String message,
    String fix,
    Double impact) {}
