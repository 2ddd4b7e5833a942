package dev.trafficengineer.core.analysis;

import java.util.List;

/**
 * What one version did in the window: requests, 5xx errors among them, optionally p99, and
 * optionally the latency histogram's cumulative buckets (ending with {@code +Inf}).
 */
public record VersionStats(Long requests, Long errors, Double p99Ms, List<Bucket> buckets) {

  /** Counts and p99 without a histogram. */
  public VersionStats(Long requests, Long errors, Double p99Ms) {
    this(requests, errors, p99Ms, null);
  }
}
