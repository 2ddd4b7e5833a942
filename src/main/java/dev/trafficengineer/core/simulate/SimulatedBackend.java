package dev.trafficengineer.core.simulate;

/**
 * A backend of the chosen rule and its exact share of the rule's traffic: weight divided by the sum
 * of the rule's weights (an omitted weight counts as 1; weight 0 gets share 0).
 */
public record SimulatedBackend(String name, String namespace, Integer port, double share) {}
