package dev.trafficengineer.cluster;

/**
 * One HTTPRoute or GRPCRoute as proposed (its {@code kind:} says which), compared with the live
 * route of the same kind, namespace and name.
 */
public record DiffRequest(String yaml) {}
