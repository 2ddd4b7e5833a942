package dev.trafficengineer.core.grpc;

import dev.trafficengineer.core.precedence.Decision;
import dev.trafficengineer.core.precedence.ProofFinding;
import dev.trafficengineer.core.precedence.RuleRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * TE301 and TE302 for GRPCRoutes, proved over every call rather than sampled. Whatever call a rule
 * wins, it also wins its own witness: the call with exactly its service and method (a name no route
 * matches where it has none), exactly its headers, and a host of its route's hostnames (a fresh one
 * when the route has none). Any rule that outranks it on the witness matches the original call too
 * and outranks it there, so the finitely many witnesses decide both proofs. A regular expression
 * breaks this (a fresh name might match it): with one among the routes, TE301 is not claimed, and
 * TE302 reports only counterexamples actually found.
 */
public final class GrpcProofs {
  private static final String FRESH = "te_witness_unmatched";
  private static final String FRESH_HOST = "te-witness.invalid";

  private GrpcProofs() {}

  /** TE301 for every rule no call can reach, as if all routes attach to one Gateway. */
  public static List<ProofFinding> unreachableRules(List<GRPCRoute> routes) {
    List<GrpcCandidate> candidates = GrpcPrecedence.candidates(routes);
    if (candidates.stream().anyMatch(GrpcCandidate::usesRegex)) {
      return List.of();
    }
    Map<String, List<GrpcCandidate>> byRule = new LinkedHashMap<>();
    for (GrpcCandidate candidate : candidates) {
      byRule
          .computeIfAbsent(
              candidate.route().index() + "/" + candidate.rule(), key -> new ArrayList<>())
          .add(candidate);
    }
    List<ProofFinding> findings = new ArrayList<>();
    for (List<GrpcCandidate> rule : byRule.values()) {
      GrpcCandidate first = rule.get(0);
      Decision example = null;
      boolean reached = false;
      for (GrpcCandidate candidate : rule) {
        for (GrpcRequest witness : witnesses(candidate, candidates, null, null)) {
          Decision decision = GrpcPrecedence.decide(candidates, routes.size() > 1, witness);
          if (sameRule(decision.winner(), first)) {
            reached = true;
          } else if (example == null) {
            example = decision;
          }
        }
      }
      if (!reached && example != null) {
        findings.add(
            new ProofFinding(
                "TE301",
                first.route().index(),
                first.rule(),
                "rule "
                    + first.rule()
                    + " can never be reached: every call it matches is taken by another rule"
                    + " under GRPCRoute precedence ("
                    + String.join("; ", example.reasons())
                    + ")",
                "Remove rule "
                    + first.rule()
                    + ", or make it more specific than the rule that takes its calls (a longer"
                    + " service or method match, or more header matches)."));
      }
    }
    return findings;
  }

  /**
   * TE302: a call carrying {@code headerName: headerValue} that reaches a backend other than {@code
   * service} (weight above 0); empty when protection holds.
   */
  public static Optional<ProofFinding> protectionFinding(
      List<GRPCRoute> routes, String headerName, String headerValue, String service) {
    List<GrpcCandidate> candidates = GrpcPrecedence.candidates(routes);
    for (GrpcCandidate candidate : candidates) {
      for (GrpcRequest witness : witnesses(candidate, candidates, headerName, headerValue)) {
        Decision decision = GrpcPrecedence.decide(candidates, routes.size() > 1, witness);
        if (!decision.matched()) {
          continue;
        }
        GRPCRouteRule rule = GrpcPrecedence.ruleOf(routes, decision.winner());
        List<String> others = new ArrayList<>();
        for (GRPCBackendRef backend : rule.getBackendRefs()) {
          boolean sends = backend.getWeight() == null || backend.getWeight() > 0;
          if (sends && !service.equals(backend.getName()) && !others.contains(backend.getName())) {
            others.add(backend.getName());
          }
        }
        if (!others.isEmpty()) {
          return Optional.of(finding(decision, witness, others, headerName, headerValue, service));
        }
      }
    }
    return Optional.empty();
  }

  private static ProofFinding finding(
      Decision decision,
      GrpcRequest witness,
      List<String> others,
      String headerName,
      String headerValue,
      String service) {
    int rule = decision.winner().rule();
    String message =
        "calls with "
            + headerName
            + ": "
            + headerValue
            + " can reach "
            + String.join(", ", others)
            + " instead of only "
            + service
            + ". For example "
            + readable(witness)
            + " goes to rule "
            + rule
            + ": "
            + String.join("; ", decision.reasons());
    String fix =
        "Give rule "
            + rule
            + " a twin with the same service/method match plus "
            + headerName
            + ": "
            + headerValue
            + " that sends only to "
            + service
            + " (add_premium_rule does this for every rule): a premium rule listed first still"
            + " loses to a rule with a longer hostname, service or method match, or more header"
            + " matches.";
    return new ProofFinding("TE302", decision.winner().route(), rule, message, fix);
  }

  /** The witness as a person reads it: fresh names and the fresh host stand for "any". */
  private static String readable(GrpcRequest witness) {
    String host = FRESH_HOST.equals(witness.host()) ? null : witness.host();
    return new GrpcRequest(witness.service(), witness.method(), witness.headers(), host)
        .describe()
        .replaceAll(FRESH + "[0-9]*", "<any>");
  }

  /**
   * The witness calls of {@code candidate}: its service, method and headers (plus the protected
   * header, unless the candidate requires another value of it), on each host its route serves.
   */
  static List<GrpcRequest> witnesses(
      GrpcCandidate candidate, List<GrpcCandidate> all, String headerName, String headerValue) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (GrpcCandidate.Header header : candidate.headers()) {
      headers.put(header.name(), header.value());
    }
    if (headerName != null) {
      String lower = headerName.toLowerCase(java.util.Locale.ROOT);
      String required = headers.get(lower);
      if (required != null && !required.equals(headerValue)) {
        return List.of();
      }
      headers.put(lower, headerValue);
    }
    Set<String> names = new HashSet<>();
    for (GrpcCandidate other : all) {
      names.add(other.service());
      names.add(other.method());
    }
    String service = candidate.service() != null ? candidate.service() : fresh(names);
    String method = candidate.method() != null ? candidate.method() : fresh(names);
    List<GrpcRequest> witnesses = new ArrayList<>();
    List<String> hostnames = candidate.route().hostnames();
    if (hostnames.isEmpty()) {
      witnesses.add(new GrpcRequest(service, method, headers, FRESH_HOST));
    }
    for (String hostname : hostnames) {
      String host = hostname.startsWith("*.") ? "te-witness" + hostname.substring(1) : hostname;
      witnesses.add(new GrpcRequest(service, method, headers, host));
    }
    return witnesses;
  }

  private static String fresh(Set<String> taken) {
    String name = FRESH;
    for (int i = 2; taken.contains(name); i++) {
      name = FRESH + i;
    }
    return name;
  }

  private static boolean sameRule(RuleRef winner, GrpcCandidate candidate) {
    return winner != null
        && winner.route() == candidate.route().index()
        && winner.rule() == candidate.rule();
  }
}
