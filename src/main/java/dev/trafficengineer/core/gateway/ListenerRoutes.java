package dev.trafficengineer.core.gateway;

import java.util.List;

/**
 * One listener and the routes attached to it, which compete for its requests.
 *
 * @param gateway {@code namespace/name} of its Gateway
 * @param hostname the listener's hostname, {@code null} for any
 */
public record ListenerRoutes(
    String gateway, String name, Integer port, String hostname, List<ServedRoute> routes) {

  public ListenerRoutes {
    routes = List.copyOf(routes);
  }

  /** {@code ns/gateway/listener}. */
  public String key() {
    return gateway + "/" + name;
  }
}
