package dev.trafficengineer.core.precedence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * TE302, proved over all requests: can a request carrying the protected header reach a backend
 * other than the protected Service?
 *
 * <p>Infinitely many requests fall into finitely many classes, and one canonical request per
 * (match, host, method) class decides each. If some protected request r reaches an unprotected rule
 * through match M, then the request c built from M alone (M's path, method, exact headers and query
 * params, plus the protected header; nothing else) reaches an unprotected rule too: with the same
 * host class and method, every match c satisfies is satisfied by r as well, so M, which outranks
 * everything r satisfies, outranks everything c satisfies. For a PathPrefix M the path of c is the
 * prefix plus one segment no route mentions, which satisfies only the prefixes of M's prefix (all
 * satisfied by r); the bare prefix is tried first because it reads better. Hosts are each route
 * hostname, each wildcard with a probe label, and a host no route names; methods are each method
 * the routes mention and one they do not. The proof is complete for routes without regular
 * expressions; a match with a RegularExpression header or query condition is tried only with values
 * taken from the routes, so a regex can hide a counterexample (TE304 reports such matches).
 */
final class ProtectionProof {
  private static final List<String> METHODS =
      List.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

  private final RouteSet routes;
  private final String header;
  private final String value;
  private final String service;
  private final String probe;

  ProtectionProof(RouteSet routes, String header, String value, String service) {
    this.routes = routes;
    this.header = header;
    this.value = value;
    this.service = service;
    this.probe = probeSegment(routes);
  }

  Optional<Counterexample> counterexample() {
    List<String> hosts = hosts();
    for (Candidate target : routes.candidates()) {
      if (unprotected(target.ref()).isEmpty()) {
        continue;
      }
      Optional<Map<String, String>> headers = headersFor(target);
      if (headers.isEmpty()) {
        continue;
      }
      Map<String, String> query = exactValues(target.query());
      if (query == null) {
        continue;
      }
      for (String host : hosts) {
        for (String method : methodsFor(target)) {
          for (String path : pathsFor(target)) {
            HttpRequest request = new HttpRequest(method, path, headers.get(), query, host);
            Decision decision = Precedence.decide(routes, request);
            if (decision.matched()) {
              List<String> reached = unprotected(decision.winner());
              if (!reached.isEmpty()) {
                return Optional.of(
                    new Counterexample(request, decision.winner(), reached, decision.reasons()));
              }
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The backends with weight above 0 other than the protected Service; empty for a redirect. */
  private List<String> unprotected(RuleRef ref) {
    RuleTargets rule = routes.rule(ref);
    if (rule.redirects()) {
      return List.of();
    }
    String namespace = routes.facts().get(ref.route()).namespace();
    long total = rule.backends().stream().mapToLong(RuleTargets.Target::weight).sum();
    List<String> reached = new ArrayList<>();
    for (RuleTargets.Target backend : rule.backends()) {
      if (backend.weight() > 0 && !backend.isService(service, namespace)) {
        reached.add(backend.name() + " (weight " + backend.weight() + " of " + total + ")");
      }
    }
    return reached;
  }

  /** The target's headers plus the protected one, or empty when it cannot match protected ones. */
  private Optional<Map<String, String>> headersFor(Candidate target) {
    Map<String, String> headers = new HashMap<>();
    boolean named = false;
    for (ValueMatch match : target.headers()) {
      if (match.name().equalsIgnoreCase(header)) {
        if (!match.accepts(value)) {
          return Optional.empty();
        }
        named = true;
        headers.put(header, value);
      } else if (match.regex()) {
        String sample = sampleFor(match);
        if (sample == null) {
          return Optional.empty();
        }
        headers.put(match.name(), sample);
      } else {
        headers.put(match.name(), match.value());
      }
    }
    if (!named) {
      headers.put(header, value);
    }
    return Optional.of(headers);
  }

  private Map<String, String> exactValues(List<ValueMatch> matches) {
    Map<String, String> values = new HashMap<>();
    for (ValueMatch match : matches) {
      String sample = match.regex() ? sampleFor(match) : match.value();
      if (sample == null) {
        return null;
      }
      values.put(match.name(), sample);
    }
    return values;
  }

  /** A value the routes themselves use that the regex accepts, if there is one. */
  private String sampleFor(ValueMatch regex) {
    for (Candidate candidate : routes.candidates()) {
      for (ValueMatch other : candidate.headers()) {
        if (!other.regex() && regex.accepts(other.value())) {
          return other.value();
        }
      }
      for (ValueMatch other : candidate.query()) {
        if (!other.regex() && regex.accepts(other.value())) {
          return other.value();
        }
      }
    }
    return null;
  }

  private List<String> pathsFor(Candidate target) {
    PathMatch path = target.path();
    return switch (path.kind()) {
      case Exact -> List.of(path.value());
      case PathPrefix ->
          path.prefix().isEmpty()
              ? List.of("/", "/" + probe)
              : List.of(path.prefix(), path.prefix() + "/" + probe);
      case RegularExpression -> routePaths().stream().filter(path::matches).toList();
    };
  }

  private Set<String> routePaths() {
    Set<String> paths = new LinkedHashSet<>();
    for (Candidate candidate : routes.candidates()) {
      if (candidate.path().kind() == PathMatch.Kind.Exact) {
        paths.add(candidate.path().value());
      } else if (candidate.path().kind() == PathMatch.Kind.PathPrefix) {
        String prefix = candidate.path().prefix();
        paths.add(prefix.isEmpty() ? "/" : prefix);
        paths.add(prefix + "/" + probe);
      }
    }
    return paths;
  }

  private List<String> methodsFor(Candidate target) {
    if (target.method() != null) {
      return List.of(target.method());
    }
    Set<String> methods = new LinkedHashSet<>();
    methods.add("GET");
    routes.candidates().stream()
        .map(Candidate::method)
        .filter(m -> m != null)
        .forEach(methods::add);
    METHODS.stream().filter(m -> !methods.contains(m)).findFirst().ifPresent(methods::add);
    return List.copyOf(methods);
  }

  /**
   * One host per class: each exact hostname, each wildcard with a probe label, and one no route
   * names. Without hostnames anywhere the host cannot matter, and the request has none.
   */
  private List<String> hosts() {
    Set<String> hosts = new LinkedHashSet<>();
    for (RouteFacts route : routes.facts()) {
      for (String hostname : route.hostnames()) {
        hosts.add(hostname.startsWith("*.") ? probe + hostname.substring(1) : hostname);
      }
    }
    if (hosts.isEmpty()) {
      List<String> any = new ArrayList<>();
      any.add(null);
      return any;
    }
    hosts.add(probe + ".invalid");
    return List.copyOf(hosts);
  }

  /** A path segment and host label that no match or hostname of the routes contains. */
  private static String probeSegment(RouteSet routes) {
    String probe = "te-probe";
    for (int n = 2; mentioned(routes, probe); n++) {
      probe = "te-probe-" + n;
    }
    return probe;
  }

  private static boolean mentioned(RouteSet routes, String text) {
    return routes.candidates().stream().anyMatch(c -> c.path().value().contains(text))
        || routes.facts().stream()
            .anyMatch(r -> r.hostnames().stream().anyMatch(h -> h.contains(text)));
  }
}
