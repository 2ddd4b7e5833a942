package dev.trafficengineer.mcp.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * without {@code Authorization: Bearer <token>} gets 401 (the scheme in any case, RFC 9110). A body
 * over {@link #MAX_BODY_BYTES} gets 413, a charset Java cannot read 415, and an {@code
 * MCP-Protocol-Version} the SDK does not speak 400, before either costs anything. Every error
 * answer, here or further on, is a JSON-RPC error object (see {@link JsonErrorResponse}).
 */
final class LocalRequestFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

  /**
   * The largest request body: the stdio server's line limit, 8 MiB of YAML as JSON with room for
   * its escapes.
   */
  static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  /** The most of a refused body read before answering; see {@link #drain}. */
  private static final long MAX_DRAINED_BYTES = 4L * MAX_BODY_BYTES;

  private final Set<String> hosts;
  private final Set<String> origins;
  private final byte[] tokenDigest;
  private final List<String> protocolVersions;

  LocalRequestFilter(HttpSettings settings, List<String> protocolVersions) {
    this.protocolVersions = List.copyOf(protocolVersions);
    this.hosts = new HashSet<>(LOOPBACK_NAMES);
    settings.allowedHosts().forEach(host -> hosts.add(host.toLowerCase(Locale.ROOT)));
    if (!HttpSettings.isLoopback(settings.host()) && !isWildcard(settings.host())) {
      hosts.add(settings.host().toLowerCase(Locale.ROOT));
    }
    this.origins = Set.copyOf(settings.allowedOrigins());
    this.tokenDigest = settings.token() == null ? null : sha256(settings.token());
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    JsonErrorResponse answer = new JsonErrorResponse(response);
    String refusal = refusal(request, answer);
    if (refusal != null) {
      drain(request, answer);
      answer.sendError(answer.getStatus(), refusal);
      return;
    }
    chain.doFilter(request, answer);
    answer.finish();
  }

  /**
   * Reads and drops the body of a refused request, up to {@link #MAX_DRAINED_BYTES}. A server that
   * answers and closes while the client is still sending resets the connection, and the client may
   * then see the reset instead of the answer (Java's HttpClient: "header parser received no bytes";
   * HostileHttpTest's 10 MiB body met it one run in a few). A larger body is not worth reading: the
   * connection is closed and its sender may see the reset.
   */
  private static void drain(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request.getContentLengthLong() > MAX_DRAINED_BYTES) {
      response.setHeader("Connection", "close");
      return;
    }
    try {
      InputStream body = request.getInputStream();
      long left = MAX_DRAINED_BYTES;
      byte[] buffer = new byte[64 * 1024];
      int read;
      while (left > 0 && (read = body.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
        left -= read;
      }
      if (left <= 0) {
        response.setHeader("Connection", "close");
      }
    } catch (IOException e) {
      // The client has stopped sending; the answer may still reach it.
      response.setHeader("Connection", "close");
    }
  }

  /** Why the request is refused, with the status set; null when it may go on. */
  private String refusal(HttpServletRequest request, HttpServletResponse response) {
    String origin = request.getHeader("Origin");
    if (origin != null && !originAllowed(origin)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      return "Origin not allowed: " + origin;
    }
    String host = request.getHeader("Host");
    if (host == null || !hosts.contains(hostName(host))) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      return "Host not allowed: " + host;
    }
    if (tokenDigest != null && !authorized(request.getHeader("Authorization"))) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"traffic-engineer\"");
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      return "Bearer token required";
    }
    long length = request.getContentLengthLong();
    if (length > MAX_BODY_BYTES) {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return String.format(
          Locale.ROOT,
          "Request too large: the body is %,d bytes; the limit is %,d bytes (8 MiB of YAML per"
              + " call); send the routes in several calls",
          length,
          MAX_BODY_BYTES);
    }
    String charset = request.getCharacterEncoding();
    if (charset != null && !knownCharset(charset)) {
      // Else reading the body fails deep in the SDK, and the client is told of a server error.
      response.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
      return "Unsupported charset: " + charset + "; send the body in UTF-8";
    }
    String version = request.getHeader("MCP-Protocol-Version");
    if (version != null && !protocolVersions.contains(version)) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "Unsupported MCP-Protocol-Version: "
          + version
          + "; this server speaks "
          + String.join(", ", protocolVersions);
    }
    return null;
  }

  private static boolean knownCharset(String name) {
    try {
      return Charset.isSupported(name);
    } catch (IllegalCharsetNameException e) {
      return false;
    }
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
    if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    // Digests of equal length compared in constant time: neither how much of a guess was right
    // nor how long the token is shows in the time the answer takes.
    return MessageDigest.isEqual(tokenDigest, sha256(header.substring(7).strip()));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static boolean isWildcard(String host) {
    return List.of("0.0.0.0", "::", "[::]").contains(host);
  }
}
