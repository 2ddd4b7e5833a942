package dev.trafficengineer.core.precedence;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every match of every rule in the order Gateway API ranks them (see {@link MatchSpecificity}):
 * when several take a request, the first of them in this list wins. Hostnames only decide which
 * routes compete and are not part of the order.
 */
public final class PrecedenceOrder {
  private PrecedenceOrder() {}

  public static List<RankedMatch> of(List<HTTPRoute> routes) {
    RouteSet set = RouteSet.of(routes);
    return set.candidates().stream()
        .sorted(MatchSpecificity.ORDER)
        .map(PrecedenceOrder::ranked)
        .toList();
  }

  private static RankedMatch ranked(Candidate candidate) {
    Map<String, String> headers = new LinkedHashMap<>();
    candidate.headers().stream()
        .filter(header -> !header.regex())
        .forEach(header -> headers.put(header.name(), header.value()));
    return new RankedMatch(
        candidate.ref(),
        candidate.route().key(),
        candidate.route().hostnames(),
        candidate.describe(),
        headers,
        example(candidate));
  }

  /** The path, method, headers and query the match asks for; null when a regex is involved. */
  private static HttpRequest example(Candidate candidate) {
    if (candidate.usesRegex()) {
      return null;
    }
    PathMatch path = candidate.path();
    String value = path.kind() == PathMatch.Kind.Exact ? path.value() : path.prefix();
    Map<String, String> headers = new LinkedHashMap<>();
    candidate.headers().forEach(header -> headers.put(header.name(), header.value()));
    Map<String, String> query = new LinkedHashMap<>();
    candidate.query().forEach(param -> query.put(param.name(), param.value()));
    String host =
        candidate.route().hostnames().stream()
            .findFirst()
            .map(name -> name.startsWith("*.") ? "www" + name.substring(1) : name)
            .orElse(null);
    return new HttpRequest(
        candidate.method() == null ? "GET" : candidate.method(),
        value.isEmpty() ? "/" : value,
        headers,
        query,
        host);
  }
}
