package dev.trafficengineer.core.precedence;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP request as route matching sees it. Header names are case-insensitive, as in HTTP; query
 * parameter names are not. A {@code null} host means "any host": hostnames are then left out of the
 * decision.
 */
public record HttpRequest(
    String method,
    String path,
    Map<String, String> headers,
    Map<String, String> query,
    String host) {

  public HttpRequest {
    TreeMap<String, String> lower = new TreeMap<>();
    headers.forEach((name, value) -> lower.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
    headers = Collections.unmodifiableMap(lower);
    query = Collections.unmodifiableMap(new TreeMap<>(query));
  }

  /** The value of header {@code name}, whatever its case, or {@code null}. */
  String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** {@code GET /api?x=1 (host a.example.com) with x-api-tier: premium}. */
  public String describe() {
    StringBuilder text = new StringBuilder(method).append(' ').append(path);
    if (!query.isEmpty()) {
      text.append('?');
      query.forEach((k, v) -> text.append(k).append('=').append(v).append('&'));
      text.setLength(text.length() - 1);
    }
    if (host != null) {
      text.append(" (host ").append(host).append(')');
    }
    if (!headers.isEmpty()) {
      text.append(" with ");
      headers.forEach((k, v) -> text.append(k).append(": ").append(v).append(", "));
      text.setLength(text.length() - 2);
    }
    return text.toString();
  }
}
