package dev.trafficengineer.core.precedence;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPHeaderMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPQueryParamMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One match of one rule of one route, defaults applied, with everything precedence ranks it by.
 * Header names compare case-insensitively and only the first of equivalent names counts, as the
 * spec says; query parameter names compare exactly.
 */
record Candidate(
    RouteFacts route,
    int rule,
    int match,
    int matchesInRule,
    PathMatch path,
    String method,
    List<ValueMatch> headers,
    List<ValueMatch> query) {

  static Candidate of(RouteFacts route, int rule, int match, int count, HTTPRouteMatch spec) {
    if (spec == null) {
      return new Candidate(route, rule, match, count, PathMatch.ROOT, null, List.of(), List.of());
    }
    List<ValueMatch> headers = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (HTTPHeaderMatch header : orEmpty(spec.getHeaders())) {
      String name = header.getName() == null ? "" : header.getName().toLowerCase(Locale.ROOT);
      if (!seen.contains(name)) {
        seen.add(name);
        headers.add(ValueMatch.of(header));
      }
    }
    List<ValueMatch> query = new ArrayList<>();
    for (HTTPQueryParamMatch param : orEmpty(spec.getQueryParams())) {
      if (query.stream().noneMatch(q -> q.name().equals(param.getName()))) {
        query.add(ValueMatch.of(param));
      }
    }
    return new Candidate(
        route,
        rule,
        match,
        count,
        PathMatch.of(spec.getPath()),
        spec.getMethod(),
        List.copyOf(headers),
        List.copyOf(query));
  }

  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  RuleRef ref() {
    return new RuleRef(route.index(), rule, match);
  }

  boolean matches(HttpRequest request) {
    if (method != null && !method.equals(request.method())) {
      return false;
    }
    if (!path.matches(request.path())) {
      return false;
    }
    for (ValueMatch header : headers) {
      if (!header.accepts(request.header(header.name()))) {
        return false;
      }
    }
    for (ValueMatch param : query) {
      if (!param.accepts(request.query().get(param.name()))) {
        return false;
      }
    }
    return true;
  }

  boolean usesRegex() {
    return path.kind() == PathMatch.Kind.RegularExpression
        || headers.stream().anyMatch(ValueMatch::regex)
        || query.stream().anyMatch(ValueMatch::regex);
  }

  /**
   * Every request this match takes is also taken by {@code wider}. Decided only without regular
   * expressions in {@code wider}; otherwise false, which keeps the proofs conservative.
   */
  boolean within(Candidate wider) {
    if (!path.within(wider.path)) {
      return false;
    }
    if (wider.method != null && !wider.method.equals(method)) {
      return false;
    }
    return implied(wider.headers, headers, true) && implied(wider.query, query, false);
  }

  /** Each of {@code required} is asked for, with the same exact value, by {@code present}. */
  private static boolean implied(
      List<ValueMatch> required, List<ValueMatch> present, boolean ignoreCase) {
    for (ValueMatch need : required) {
      boolean found =
          !need.regex()
              && present.stream()
                  .anyMatch(
                      have ->
                          !have.regex()
                              && (ignoreCase
                                  ? have.name().equalsIgnoreCase(need.name())
                                  : have.name().equals(need.name()))
                              && have.value().equals(need.value()));
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /** {@code rule 1}, {@code rule 1 match 2}, or with the route: {@code ns/name rule 1}. */
  String label(boolean withRoute) {
    String text = (withRoute ? route.key() + " " : "") + "rule " + rule;
    return matchesInRule > 1 ? text + " match " + match : text;
  }

  /** {@code PathPrefix /api, method GET, 1 header (x-beta: true), 0 query params}. */
  String describe() {
    StringBuilder text = new StringBuilder(path.describe());
    text.append(", ").append(method == null ? "any method" : "method " + method);
    text.append(", ").append(count(headers.size(), "header"));
    if (!headers.isEmpty()) {
      text.append(" (").append(join(headers, ": ")).append(')');
    }
    text.append(", ").append(count(query.size(), "query param"));
    if (!query.isEmpty()) {
      text.append(" (").append(join(query, "=")).append(')');
    }
    return text.toString();
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String join(List<ValueMatch> values, String separator) {
    return String.join(", ", values.stream().map(v -> v.describe(separator)).toList());
  }
}
