package dev.trafficengineer.core.analysis;

/**
 * Which Prometheus series hold the per-version traffic: every name is optional except the
 * namespace, and defaults to the lesson's ({@code http_requests_total}, {@code
 * http_request_duration_seconds}, label {@code version}, label {@code status}, window {@code 5m},
 * versions {@code stable} and {@code canary}).
 */
public record QueriesRequest(
    String namespace,
    String versionLabel,
    String requestsMetric,
    String durationMetric,
    String statusLabel,
    String window,
    String stableVersion,
    String canaryVersion) {}
