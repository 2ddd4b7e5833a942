package dev.trafficengineer.cli;

import dev.trafficengineer.core.analysis.QueriesRequest;
import picocli.CommandLine.Option;

/** Which Prometheus series hold the per-version traffic: shared by queries and analyze. */
final class SeriesOptions {
  @Option(
      names = {"-n", "--namespace"},
      description = "Namespace of the workloads; every query is filtered to it.")
  String namespace;

  @Option(
      names = "--version-label",
      description = "Label telling versions apart (default version).")
  String versionLabel;

  @Option(
      names = "--requests-metric",
      description = "Request counter (default http_requests_total).")
  String requestsMetric;

  @Option(
      names = "--duration-metric",
      description = "Duration histogram, base name (default http_request_duration_seconds).")
  String durationMetric;

  @Option(
      names = "--status-label",
      description = "Label with the HTTP status; errors are 5xx (default status).")
  String statusLabel;

  @Option(names = "--window", description = "Prometheus duration, e.g. 5m or 1h (default 5m).")
  String window;

  @Option(
      names = "--stable-version",
      description = "Version label value of stable (default stable).")
  String stableVersion;

  @Option(
      names = "--canary-version",
      description = "Version label value of canary (default canary).")
  String canaryVersion;

  QueriesRequest request() {
    return new QueriesRequest(
        namespace,
        versionLabel,
        requestsMetric,
        durationMetric,
        statusLabel,
        window,
        stableVersion,
        canaryVersion);
  }
}
