package dev.trafficengineer.core.simulate;

/**
 * Draw {@code count} requests per simulated request over the weights, with a generator seeded by
 * {@code seed} (default 0): the same count and seed always give the same counts.
 */
public record Sample(Integer count, Long seed) {}
