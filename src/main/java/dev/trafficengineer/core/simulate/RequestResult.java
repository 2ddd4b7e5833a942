package dev.trafficengineer.core.simulate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Where one request goes: the route ({@code namespace/name}), rule and match that take it ({@code
 * null} on 404), the status (200 forwarded, 404 no match, 500 no backend can take it, or the
 * redirect's code), the backends with their shares, the reasons step by step, and with a sample the
 * number of sampled requests per backend (or per status when nothing is forwarded).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestResult(
    RequestSpec request,
    String route,
    Integer rule,
    Integer match,
    int status,
    List<SimulatedBackend> backends,
    List<String> reasons,
    Map<String, Long> counts) {}
