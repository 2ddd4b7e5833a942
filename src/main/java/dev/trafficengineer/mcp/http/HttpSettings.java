package dev.trafficengineer.mcp.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

/**
 * Where and how the Streamable HTTP server listens.
 *
 * @param host the address to bind; loopback unless a token guards the server
 * @param port the port; 0 picks a free one
 * @param stateless keep no session, so that replicas behind a Service need no affinity
 * @param token the bearer token every request must carry, or null for none
 * @param allowedHosts {@code Host} names accepted besides the loopback names, e.g. the name a
 *     Gateway routes to the server
 * @param allowedOrigins browser origins accepted besides loopback ones, e.g. {@code
 *     https://tools.example.com}
 * @param sessions how long a session may sit idle and how many may be live (not with {@code
 *     stateless})
 */
public record HttpSettings(
    String host,
    int port,
    boolean stateless,
    String token,
    List<String> allowedHosts,
    List<String> allowedOrigins,
    SessionLimits sessions) {

  /** Settings with the default session limits. */
  public HttpSettings(
      String host,
      int port,
      boolean stateless,
      String token,
      List<String> allowedHosts,
      List<String> allowedOrigins) {
    this(host, port, stateless, token, allowedHosts, allowedOrigins, SessionLimits.DEFAULT);
  }

  public HttpSettings {
    Objects.requireNonNull(sessions, "sessions");
    allowedHosts = List.copyOf(allowedHosts);
    allowedOrigins = List.copyOf(allowedOrigins);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not in 0..65535");
    }
    if (token != null && token.isBlank()) {
      throw new IllegalArgumentException("the token file is empty");
    }
    if (token == null && !isLoopback(host)) {
      // Anyone who can reach the address could otherwise call every tool.
      throw new IllegalArgumentException(
          "refusing to listen on "
              + host
              + " without a bearer token: it is not a loopback address. Give --token-file FILE"
              + " (clients then send 'Authorization: Bearer <token>'), or bind 127.0.0.1");
    }
  }

  /** True for loopback addresses and names; a name that does not resolve is not loopback. */
  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
