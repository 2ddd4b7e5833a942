package dev.trafficengineer.core.grpc;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One gRPC call as GRPCRoute matching sees it: the service ({@code com.example.User}), the method
 * ({@code Login}), the metadata (headers; names case-insensitive) and the host. A {@code null} host
 * means "any host": hostnames are then left out of the decision.
 */
public record GrpcRequest(String service, String method, Map<String, String> headers, String host) {

  public GrpcRequest {
    TreeMap<String, String> lower = new TreeMap<>();
    headers.forEach((name, value) -> lower.putIfAbsent(name.toLowerCase(Locale.ROOT), value));
    headers = Collections.unmodifiableMap(lower);
  }

  /** The value of header {@code name}, whatever its case, or {@code null}. */
  String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** {@code /com.example.User/Login (host a.example.com) with x-api-tier: premium}. */
  public String describe() {
    StringBuilder text = new StringBuilder("/").append(service).append('/').append(method);
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
