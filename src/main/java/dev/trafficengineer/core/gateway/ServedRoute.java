package dev.trafficengineer.core.gateway;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;

/**
 * A route as one listener serves it: {@code route} is its position in the list analysed, {@code
 * served} a copy whose hostnames are those the listener lets it serve (so that hostname precedence
 * compares what the Gateway actually routes).
 */
public record ServedRoute(int route, HTTPRoute served) {}
