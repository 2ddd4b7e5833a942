package dev.trafficengineer.core.validate;

import java.util.Map;

/**
 * The intent a route is checked against; every part is optional.
 *
 * @param namespace the namespace the route must live in
 * @param gateway the name of the Gateway a parentRef must name
 * @param split percent per Service name that a request without the route's special headers or query
 *     parameters must see, such as {@code {"stable": 95, "canary": 5}}
 * @param protect requests that must only ever reach one Service
 */
public record Expectation(
    String namespace, String gateway, Map<String, Integer> split, ProtectExpectation protect) {

  public Expectation {
    split = split == null ? null : Map.copyOf(split);
  }
}
