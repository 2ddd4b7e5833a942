package dev.trafficengineer.core.simulate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Where one request goes: the route ({@code namespace/name}), rule and match that take it ({@code
 * null} on 404), the status (200 forwarded, 404 no match, 500 no backend can take it, or the
 * redirect's code), the backends with their shares, the reasons step by step, and with a sample the
 * number of sampled requests per backend (or per status when nothing is forwarded). With Gateways
 * given, also the listener ({@code namespace/gateway/listener}) that took the request and the share
 * of its traffic per outcome ({@code "200"}, {@code "500"}, {@code "503"}), since a backend that
 * does not exist, is not permitted or has no ready endpoint fails its share.
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
    Map<String, Long> counts,
    String listener,
    Map<String, Double> statusShares) {

  public RequestResult(
      RequestSpec request,
      String route,
      Integer rule,
      Integer match,
      int status,
      List<SimulatedBackend> backends,
      List<String> reasons,
      Map<String, Long> counts) {
    this(request, route, rule, match, status, backends, reasons, counts, null, null);
  }
}
