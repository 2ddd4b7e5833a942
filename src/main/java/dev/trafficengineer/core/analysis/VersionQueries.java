package dev.trafficengineer.core.analysis;

/**
 * The instant queries that measure one version over the window: requests, 5xx errors (both with
 * {@code increase}, so counts rather than rates) and the p99 latency in seconds.
 */
public record VersionQueries(String requests, String errors, String p99Seconds) {}
