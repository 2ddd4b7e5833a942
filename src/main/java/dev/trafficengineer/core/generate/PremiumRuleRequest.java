package dev.trafficengineer.core.generate;

/**
 * Protects a class of requests (by default {@code x-api-tier: premium}) in an existing route: they
 * go to {@code service} only, whatever else the route does. {@code port} is needed only when the
 * route does not already send to that Service.
 */
public record PremiumRuleRequest(
    String routeYaml, String service, HeaderMatchInput header, Integer port) {}
