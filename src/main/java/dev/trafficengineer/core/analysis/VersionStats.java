package dev.trafficengineer.core.analysis;

/** What one version did in the window: requests, 5xx errors among them, and optionally p99. */
public record VersionStats(Long requests, Long errors, Double p99Ms) {}
