package dev.trafficengineer.core.validate;

/**
 * Requests carrying {@code header: value} must only ever reach {@code service}, such as premium
 * users who must never see a canary.
 */
public record ProtectExpectation(String header, String value, String service) {}
