package dev.trafficengineer.core.analysis;

/**
 * The limits a verdict is judged by; each one left out takes its default, and the verdict echoes
 * the values used with the reason for each default.
 */
public record Thresholds(
    Long minRequests,
    Long minErrors,
    Double alpha,
    Double maxErrorRate,
    Double maxLatencyRatio,
    Double shareAlpha,
    Double maxShareDeviation,
    Double power,
    Double maxTailRatio) {

  /** The error and latency limits alone; the data-plane limits take their defaults. */
  public Thresholds(
      Long minRequests, Long minErrors, Double alpha, Double maxErrorRate, Double maxLatencyRatio) {
    this(minRequests, minErrors, alpha, maxErrorRate, maxLatencyRatio, null, null, null, null);
  }
}
