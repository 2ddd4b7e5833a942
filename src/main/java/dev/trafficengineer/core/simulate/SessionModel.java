package dev.trafficengineer.core.simulate;

import java.util.Map;

/**
 * Who sends the requests, for the effective shares over a stage: {@code users}, each sending {@code
 * requestsPerUser} in the stage, through the rule that takes {@code requests[request]} (default 0).
 * {@code pinning} says what keeps a user on a backend: {@code sessionPersistence} (the rule's own;
 * the default when the rule has one), {@code cookie} or {@code header} (set by the application or a
 * proxy), or {@code none} (the default otherwise). {@code pinTo} names the one backend whose
 * responses pin (a sticky canary cookie); without it every backend pins. {@code newWeights} ({@code
 * {backend: weight}}) is the weight change after the stage.
 */
public record SessionModel(
    Integer users,
    Integer requestsPerUser,
    String pinning,
    String pinTo,
    Map<String, Integer> newWeights,
    Integer request) {}
