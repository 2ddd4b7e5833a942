package dev.trafficengineer.core.analysis;

/**
 * The instant queries that measure one version over the window: requests, 5xx errors (both with
 * {@code increase}, so counts rather than rates), the p99 latency in seconds, and the histogram's
 * cumulative bucket counts by {@code le}.
 */
public record VersionQueries(String requests, String errors, String p99Seconds, String buckets) {}
