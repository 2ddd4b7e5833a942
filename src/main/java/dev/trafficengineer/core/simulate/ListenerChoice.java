package dev.trafficengineer.core.simulate;

import dev.trafficengineer.core.gateway.ListenerRoutes;
import dev.trafficengineer.core.input.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which listener takes a request (gateway_types.go, Listener): the listeners on the request's port
 * whose hostname matches its host, and of those the most specific (an exact hostname before the
 * longest wildcard before no hostname), as a Gateway routes each connection to one listener. When
 * the request leaves that open (no port, no host, several Gateways) the choice is not guessed: the
 * request is refused with the listeners it could mean.
 */
final class ListenerChoice {
  /** The listener, or {@code null} with {@code reason} saying why none takes the request. */
  record Choice(ListenerRoutes listener, String reason) {}

  private ListenerChoice() {}

  static Choice of(String field, List<ListenerRoutes> listeners, RequestSpec request) {
    List<ListenerRoutes> taking = new ArrayList<>();
    for (ListenerRoutes listener : listeners) {
      if ((request.port() == null || request.port().equals(listener.port()))
          && (request.host() == null || rank(listener.hostname(), request.host()) >= 0)) {
        taking.add(listener);
      }
    }
    if (taking.isEmpty()) {
      return new Choice(
          null,
          "no listener of the Gateways given takes "
              + (request.port() == null ? "" : "port " + request.port() + " ")
              + (request.host() == null ? "this request" : "host " + request.host())
              + " (listeners: "
              + String.join(", ", listeners.stream().map(ListenerChoice::describe).toList())
              + "): the connection is refused or answered 404");
    }
    if (request.host() != null) {
      int best = taking.stream().mapToInt(l -> rank(l.hostname(), request.host())).max().orElse(0);
      taking = taking.stream().filter(l -> rank(l.hostname(), request.host()) == best).toList();
    }
    if (taking.size() > 1) {
      throw new InvalidInputException(
          field,
          request.path(),
          "could arrive on "
              + taking.size()
              + " listeners ("
              + String.join(", ", taking.stream().map(ListenerChoice::describe).toList())
              + "): give its port"
              + (request.host() == null ? " and host" : "")
              + " so that one listener takes it");
    }
    ListenerRoutes chosen = taking.get(0);
    return new Choice(chosen, "listener " + describe(chosen) + " takes it");
  }

  /** -1: no match; 0 any host; then wildcards by length; exact hostnames above every wildcard. */
  private static int rank(String hostname, String host) {
    if (hostname == null) {
      return 0;
    }
    if (hostname.equals(host)) {
      return 100_000;
    }
    if (hostname.startsWith("*.")
        && host.length() > hostname.length() - 1
        && host.endsWith(hostname.substring(1))) {
      return hostname.length();
    }
    return -1;
  }

  private static String describe(ListenerRoutes listener) {
    return listener.key()
        + " (port "
        + listener.port()
        + (listener.hostname() == null ? "" : ", " + listener.hostname())
        + ")";
  }
}
