package dev.trafficengineer.core.simulate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One request: path (required, without query string), method (default GET), headers, query
 * parameters and host (when left out, hostnames are not compared).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RequestSpec(
    String path,
    String method,
    Map<String, String> headers,
    Map<String, String> query,
    String host) {}
