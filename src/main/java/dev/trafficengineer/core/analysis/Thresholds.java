package dev.trafficengineer.core.analysis;

/**
 * The limits a verdict is judged by; each one left out takes its default, and the verdict echoes
 * the values used with the reason for each default.
 */
public record Thresholds(
    Long minRequests, Long minErrors, Double alpha, Double maxErrorRate, Double maxLatencyRatio) {}
