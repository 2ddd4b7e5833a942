package dev.trafficengineer.core.analysis;

/**
 * One cumulative histogram bucket as Prometheus keeps it: {@code le} is the upper bound in seconds
 * as Prometheus writes it ("0.25", "+Inf"), {@code count} the requests at most that slow.
 */
public record Bucket(String le, Long count) {}
