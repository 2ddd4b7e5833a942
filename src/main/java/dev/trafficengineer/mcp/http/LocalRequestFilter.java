package dev.trafficengineer.mcp.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses what a local MCP server must never answer, before the SDK sees the request.
 *
 * <p>DNS rebinding: a web page on {@code evil.example} can make a browser send requests to
 * 127.0.0.1 with {@code Host: evil.example} and {@code Origin: http://evil.example}. The MCP
 * specification requires servers to check {@code Origin}; the SDK's default validator accepts any.
 * So a foreign {@code Origin} or {@code Host} gets 403 here. Then, when a token is set, a request
 * without {@code Authorization: Bearer <token>} gets 401.
 */
final class LocalRequestFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

  private final Set<String> hosts;
  private final Set<String> origins;
  private final byte[] authorization;

  LocalRequestFilter(HttpSettings settings) {
    this.hosts = new HashSet<>(LOOPBACK_NAMES);
    settings.allowedHosts().forEach(host -> hosts.add(host.toLowerCase(Locale.ROOT)));
    if (!HttpSettings.isLoopback(settings.host()) && !isWildcard(settings.host())) {
      hosts.add(settings.host().toLowerCase(Locale.ROOT));
    }
    this.origins = Set.copyOf(settings.allowedOrigins());
    this.authorization =
        settings.token() == null
            ? null
            : ("Bearer " + settings.token()).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String origin = request.getHeader("Origin");
    if (origin != null && !originAllowed(origin)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "Origin not allowed: " + origin);
      return;
    }
    String host = request.getHeader("Host");
    if (host == null || !hosts.contains(hostName(host))) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "Host not allowed: " + host);
      return;
    }
    if (authorization != null && !authorized(request.getHeader("Authorization"))) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"traffic-engineer\"");
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Bearer token required");
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean originAllowed(String origin) {
    if (origins.contains(origin)) {
      return true;
    }
    try {
      URI uri = new URI(origin);
      String host = uri.getHost();
      boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      // Any port: local tools such as the MCP Inspector's web page run on ports of their own.
      return web && host != null && LOOPBACK_NAMES.contains(host.toLowerCase(Locale.ROOT));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** The name part of a Host header, without the port; IPv6 literals keep their brackets. */
  static String hostName(String host) {
    String value = host.strip().toLowerCase(Locale.ROOT);
    if (value.startsWith("[")) {
      int end = value.indexOf(']');
      return end < 0 ? value : value.substring(0, end + 1);
    }
    int colon = value.lastIndexOf(':');
    return colon < 0 ? value : value.substring(0, colon);
  }

  private boolean authorized(String header) {
    // Constant time: the comparison must not tell an attacker how much of a guess was right.
    return header != null
        && MessageDigest.isEqual(authorization, header.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isWildcard(String host) {
    return List.of("0.0.0.0", "::", "[::]").contains(host);
  }
}
