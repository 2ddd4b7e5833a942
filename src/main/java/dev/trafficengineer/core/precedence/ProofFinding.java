package dev.trafficengineer.core.precedence;

/**
 * A finding proved over all requests, not a sample: {@code code} from the findings catalog (TE301,
 * TE302), the route's position in the input and the rule's index in its {@code spec.rules}.
 */
public record ProofFinding(String code, int route, int rule, String message, String fix) {}
