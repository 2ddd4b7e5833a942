package dev.trafficengineer.core.picture;

/**
 * A backend ({@code namespace/name:port}) and its part of a rule's traffic: the weight as written
 * (an omitted weight counts 1) and the exact percentage, such as {@code 33.33%}.
 */
public record Share(String backend, int weight, String percent) {}
