package dev.trafficengineer.core.precedence;

/**
 * A rule of one of the routes given: {@code route} is the route's position in the list, {@code
 * rule} its index in {@code spec.rules}, {@code match} the index of the match that took the request
 * (0 for a rule without matches, which has the default match PathPrefix /).
 */
public record RuleRef(int route, int rule, int match) {}
