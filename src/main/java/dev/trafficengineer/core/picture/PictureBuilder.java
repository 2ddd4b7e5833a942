package dev.trafficengineer.core.picture;

import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.precedence.Backends;
import dev.trafficengineer.core.precedence.HttpRequest;
import dev.trafficengineer.core.precedence.Precedence;
import dev.trafficengineer.core.precedence.PrecedenceOrder;
import dev.trafficengineer.core.precedence.ProofFinding;
import dev.trafficengineer.core.precedence.RankedMatch;
import dev.trafficengineer.core.precedence.RouteProofs;
import dev.trafficengineer.core.simulate.Percent;
import dev.trafficengineer.core.simulate.RequestResult;
import dev.trafficengineer.core.simulate.RequestSpec;
import dev.trafficengineer.core.simulate.SimulateRequest;
import dev.trafficengineer.core.simulate.Simulator;
import dev.trafficengineer.core.validate.ProtectExpectation;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes a {@link RoutePicture} with the engines that validate and simulate: the precedence order
 * of every match, the TE301 proof for shadowed rules, the TE302 proof for protected traffic, and
 * the simulator for where each request goes.
 */
final class PictureBuilder {
  /** Requests made up from the rules, at most; given requests are bounded by the simulator. */
  static final int MAX_DERIVED_REQUESTS = 32;

  private PictureBuilder() {}

  static RoutePicture draw(PictureRequest request) {
    PictureRoutes read = PictureRoutes.read(request.yaml());
    List<HTTPRoute> routes = read.routes();
    List<RankedMatch> ranked = PrecedenceOrder.of(routes);
    boolean many = routes.size() > 1;
    Map<String, String> shadowed = new HashMap<>();
    for (ProofFinding finding : RouteProofs.unreachableRules(routes)) {
      shadowed.put(finding.route() + ":" + finding.rule(), finding.message());
    }
    RuleFindings findings = new RuleFindings(request.findings(), read);
    ProtectExpectation protect = request.protect();
    List<RuleBox> rules = new ArrayList<>();
    Map<String, Integer> rankOf = new HashMap<>();
    Set<String> backends = new LinkedHashSet<>();
    for (RankedMatch match : ranked) {
      int route = match.ref().route();
      int rule = match.ref().rule();
      HTTPRouteRule spec = Precedence.ruleOf(routes, match.ref());
      String namespace = match.route().substring(0, match.route().indexOf('/'));
      List<Share> shares = shares(spec, namespace);
      shares.forEach(share -> backends.add(share.backend()));
      int rank = rules.size() + 1;
      rankOf.put(match.route() + ":" + rule + ":" + match.ref().match(), rank);
      rules.add(
          new RuleBox(
              rank,
              match.route(),
              rule,
              match.ref().match(),
              label(match, many, matchesOf(spec)),
              match.conditions(),
              shares,
              status(spec, shares),
              shadowed.get(route + ":" + rule),
              protect != null && carries(match.headers(), protect),
              findings.of(route, rule)));
    }
    List<String> notes = new ArrayList<>(findings.others());
    List<RequestSpec> specs = requests(request, ranked, notes);
    List<RequestRow> rows = new ArrayList<>();
    List<RequestResult> results =
        Simulator.simulate(new SimulateRequest(request.yaml(), specs, null)).results();
    for (RequestResult result : results) {
      Integer rank =
          result.route() == null
              ? null
              : rankOf.get(result.route() + ":" + result.rule() + ":" + result.match());
      rows.add(
          new RequestRow(
              describe(result.request()),
              protect != null && carries(result.request().headers(), protect),
              rank,
              result.status()));
    }
    return new RoutePicture(
        request.caption() == null ? title(routes) : request.caption(),
        List.copyOf(rules),
        List.copyOf(rows),
        List.copyOf(backends),
        protect == null ? null : protection(routes, protect),
        List.copyOf(notes));
  }

  private static int matchesOf(HTTPRouteRule rule) {
    return rule.getMatches() == null ? 1 : Math.max(1, rule.getMatches().size());
  }

  private static String label(RankedMatch match, boolean many, int matches) {
    String text = "rule " + match.ref().rule();
    if (matches > 1) {
      text += " match " + match.ref().match();
    }
    return many ? text + " of " + match.route() : text;
  }

  private static String title(List<HTTPRoute> routes) {
    List<String> names = new ArrayList<>();
    for (HTTPRoute route : routes) {
      String namespace = route.getMetadata().getNamespace();
      names.add((namespace == null ? "default" : namespace) + "/" + route.getMetadata().getName());
    }
    return "HTTPRoute " + String.join(", ", names);
  }

  private static List<Share> shares(HTTPRouteRule rule, String namespace) {
    if (Backends.redirects(rule)) {
      return List.of();
    }
    List<HTTPBackendRef> refs = Backends.of(rule);
    long total = refs.stream().mapToLong(Backends::weight).sum();
    List<Share> shares = new ArrayList<>();
    for (HTTPBackendRef ref : refs) {
      int weight = Backends.weight(ref);
      double part = total == 0 ? 0 : (double) weight / total;
      String backendNamespace = ref.getNamespace() == null ? namespace : ref.getNamespace();
      shares.add(
          new Share(
              backend(ref.getName(), backendNamespace, ref.getPort()), weight, Percent.of(part)));
    }
    return List.copyOf(shares);
  }

  private static String backend(String name, String namespace, Integer port) {
    return namespace + "/" + name + (port == null ? "" : ":" + port);
  }

  /** 200 when the rule forwards, its redirect code, or 500 when no backend can take anything. */
  private static int status(HTTPRouteRule rule, List<Share> shares) {
    if (Backends.redirects(rule)) {
      for (HTTPRouteFilter filter : rule.getFilters()) {
        if (filter.getRequestRedirect() != null
            && filter.getRequestRedirect().getStatusCode() != null) {
          return filter.getRequestRedirect().getStatusCode();
        }
      }
      return 302;
    }
    return shares.stream().anyMatch(share -> share.weight() > 0) ? 200 : 500;
  }

  private static boolean carries(Map<String, String> headers, ProtectExpectation protect) {
    return headers != null
        && headers.entrySet().stream()
            .anyMatch(
                header ->
                    header.getKey().equalsIgnoreCase(protect.header())
                        && header.getValue().equals(protect.value()));
  }

  private static String protection(List<HTTPRoute> routes, ProtectExpectation protect) {
    return RouteProofs.protectionFinding(
            routes, protect.header(), protect.value(), protect.service())
        .map(finding -> "NOT PROTECTED (TE302): " + finding.message())
        .orElse(
            "Protected: every request with "
                + protect.header()
                + ": "
                + protect.value()
                + " reaches only "
                + protect.service()
                + " (proved over all requests)");
  }

  /**
   * The requests given, or the plainest request each match takes, then {@code GET /}, then each of
   * those with the protected header when it was not there yet.
   */
  private static List<RequestSpec> requests(
      PictureRequest request, List<RankedMatch> ranked, List<String> notes) {
    if (request.requests() != null && !request.requests().isEmpty()) {
      for (int i = 0; i < request.requests().size(); i++) {
        RequestSpec given = request.requests().get(i);
        if (given != null && given.service() != null) {
          throw new InvalidInputException(
              "requests[" + i + "].service",
              given.service(),
              "is not drawn: pictures show HTTPRoutes; simulate_traffic answers gRPC calls");
        }
      }
      return request.requests();
    }
    Map<String, RequestSpec> derived = new LinkedHashMap<>();
    String host = null;
    for (RankedMatch match : ranked) {
      HttpRequest example = match.example();
      if (example != null) {
        add(derived, example);
        host = host == null ? example.host() : host;
      }
    }
    add(derived, new HttpRequest("GET", "/", Map.of(), Map.of(), host));
    ProtectExpectation protect = request.protect();
    if (protect != null) {
      for (RequestSpec plain : List.copyOf(derived.values())) {
        Map<String, String> headers = new LinkedHashMap<>(plain.headers());
        headers.put(protect.header(), protect.value());
        add(
            derived,
            new HttpRequest(plain.method(), plain.path(), headers, plain.query(), plain.host()));
      }
    }
    List<RequestSpec> specs = List.copyOf(derived.values());
    if (specs.size() > MAX_DERIVED_REQUESTS) {
      notes.add(
          (specs.size() - MAX_DERIVED_REQUESTS)
              + " more example requests (one per rule match) are not drawn");
      return specs.subList(0, MAX_DERIVED_REQUESTS);
    }
    return specs;
  }

  private static void add(Map<String, RequestSpec> requests, HttpRequest request) {
    requests.putIfAbsent(
        request.describe(),
        new RequestSpec(
            request.path(), request.method(), request.headers(), request.query(), request.host()));
  }

  private static String describe(RequestSpec spec) {
    return new HttpRequest(
            spec.method(),
            spec.path(),
            spec.headers() == null ? Map.of() : spec.headers(),
            spec.query() == null ? Map.of() : spec.query(),
            spec.host())
        .describe();
  }
}
