package dev.trafficengineer.core.compare;

/**
 * Two states of a configuration to review as a change, e.g. a pull request.
 *
 * @param before the YAML as it is (one or more documents: routes, with or without their context)
 * @param after the YAML as it would become
 */
public record CompareRequest(String before, String after) {}
