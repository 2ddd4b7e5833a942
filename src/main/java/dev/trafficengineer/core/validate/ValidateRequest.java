package dev.trafficengineer.core.validate;

/**
 * What {@link RouteValidator} checks.
 *
 * @param yaml one or more HTTPRoute documents
 * @param expect what the user said the routes should do, or null to check them on their own
 */
public record ValidateRequest(String yaml, Expectation expect) {}
