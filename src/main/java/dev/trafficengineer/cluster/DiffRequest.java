package dev.trafficengineer.cluster;

/** One HTTPRoute as proposed, compared with the live route of the same namespace and name. */
public record DiffRequest(String yaml) {}
