package dev.trafficengineer.core.gateway;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One listener of a Gateway (apis/v1/gateway_types.go): where it listens, which hostname it serves
 * ({@code null}: any) and which routes it admits.
 *
 * @param from allowedRoutes.namespaces.from: {@code Same} (the default), {@code All} or {@code
 *     Selector}
 * @param selector allowedRoutes.namespaces.selector, or a missing node
 * @param kinds allowedRoutes.kinds as {@code group/kind}; empty means the protocol's default
 */
record Listener(
    String gatewayNamespace,
    String gatewayName,
    String name,
    Integer port,
    String protocol,
    String hostname,
    String from,
    JsonNode selector,
    List<String> kinds) {

  static List<Listener> of(JsonNode gateway) {
    List<Listener> listeners = new ArrayList<>();
    for (JsonNode listener : gateway.path("spec").path("listeners")) {
      JsonNode allowed = listener.path("allowedRoutes");
      List<String> kinds = new ArrayList<>();
      for (JsonNode kind : allowed.path("kinds")) {
        kinds.add(
            kind.path("group").asString(RouteKinds.GROUP) + "/" + kind.path("kind").asString(""));
      }
      listeners.add(
          new Listener(
              GatewayContext.namespaceOf(gateway),
              GatewayContext.nameOf(gateway),
              listener.path("name").asString(""),
              listener.path("port").isNumber() ? listener.path("port").asInt() : null,
              listener.path("protocol").asString(""),
              listener.path("hostname").isString() ? listener.path("hostname").asString() : null,
              allowed.path("namespaces").path("from").asString("Same"),
              allowed.path("namespaces").path("selector"),
              List.copyOf(kinds)));
    }
    return List.copyOf(listeners);
  }

  String gateway() {
    return gatewayNamespace + "/" + gatewayName;
  }

  /** {@code ns/gateway/listener}, as messages name it. */
  String key() {
    return gateway() + "/" + name;
  }
}
