package dev.trafficengineer.core.simulate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One request: path (required, without query string), method (default GET), headers, query
 * parameters and host (when left out, hostnames are not compared), and the port it arrives on,
 * which with Gateways given picks the listener. A gRPC call against GRPCRoutes gives {@code
 * service} and {@code method} (the gRPC method) instead of a path.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RequestSpec(
    String path,
    String method,
    Map<String, String> headers,
    Map<String, String> query,
    String host,
    String service,
    Integer port) {
  /** An HTTP request, on whichever listener. */
  public RequestSpec(
      String path,
      String method,
      Map<String, String> headers,
      Map<String, String> query,
      String host) {
    this(path, method, headers, query, host, null, null);
  }
}
