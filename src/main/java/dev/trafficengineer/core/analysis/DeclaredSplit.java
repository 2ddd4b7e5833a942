package dev.trafficengineer.core.analysis;

/**
 * The weights the route declares for the two versions, proportional like route weights: {@code
 * {stable: 90, canary: 10}} declares a 10% canary.
 */
public record DeclaredSplit(Long stable, Long canary) {}
