package dev.trafficengineer.core.gateway;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;

/**
 * A GRPCRoute as one listener serves it, like {@link ServedRoute}: {@code route} is its number in
 * the analysis, {@code served} a copy with the hostnames the listener lets it serve.
 */
public record ServedGrpcRoute(int route, GRPCRoute served) {}
