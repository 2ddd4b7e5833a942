package dev.trafficengineer.cluster;

/**
 * A whole route to put in place of the live one (or to create).
 *
 * @param confirm true stores it; otherwise the API server checks it without storing it
 */
public record ApplyRequest(String yaml, Boolean confirm) {}
