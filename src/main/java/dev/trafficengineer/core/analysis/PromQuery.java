package dev.trafficengineer.core.analysis;

/** One PromQL query with a short title and what its result means for the rollout. */
public record PromQuery(String id, String title, String query, String meaning) {}
