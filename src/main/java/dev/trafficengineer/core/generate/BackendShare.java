package dev.trafficengineer.core.generate;

/**
 * One backend of a rule and the share of the rule's traffic it receives: {@code weight} divided by
 * the sum of the rule's weights, an omitted weight counting as 1.
 */
public record BackendShare(String name, Integer port, int weight, double percent) {}
