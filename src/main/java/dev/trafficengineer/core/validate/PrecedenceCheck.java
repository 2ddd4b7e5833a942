package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.grpc.GrpcProofs;
import dev.trafficengineer.core.precedence.ProofFinding;
import dev.trafficengineer.core.precedence.ProofRoutes;
import dev.trafficengineer.core.yaml.HttpRouteMapping;
import dev.trafficengineer.core.yaml.RouteShapeException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * TE301 and TE302: proofs over every request (HTTPRoutes) or call (GRPCRoutes). Routes compete only
 * where they attach to the same parents, so the input's routes are grouped by their parentRefs and
 * each group is proved on its own; HTTPRoutes and GRPCRoutes never compete with each other. Only
 * documents the API server would accept take part: a route it rejects routes nothing. What differs
 * between the kinds is the {@link Kind}: the model, where its parents and backends are, and the
 * proofs.
 */
final class PrecedenceCheck<R extends HasMetadata> {

  /**
   * One route kind as the proofs see it.
   *
   * @param parentRefs the route's parentRefs, or null when its spec, parentRefs or rules are absent
   *     (written as null): such a route competes for nothing (found by fuzzing)
   * @param proofs what a group keeps of its routes for the proofs
   */
  private record Kind<R>(
      Function<JsonNode, R> read,
      Function<R, List<ParentReference>> parentRefs,
      Supplier<Proofs<R>> proofs) {}

  /** A group's routes as the proofs need them, added one at a time. */
  private interface Proofs<R> {
    void add(R route);

    List<ProofFinding> unreachableRules();

    /** A group that never sends to the protected Service is other routing, not what to prove. */
    boolean sendsTo(String service);

    Optional<ProofFinding> protectionFinding(String header, String value, String service);
  }

  /**
   * HTTPRoutes are compiled to their matches and backends as they come and the models dropped:
   * 10,000 routes in one input must fit a 64 MiB heap.
   */
  private static final class HttpProofs implements Proofs<HTTPRoute> {
    private final ProofRoutes routes = new ProofRoutes();

    @Override
    public void add(HTTPRoute route) {
      routes.add(route);
    }

    @Override
    public List<ProofFinding> unreachableRules() {
      return routes.unreachableRules();
    }

    @Override
    public boolean sendsTo(String service) {
      return routes.sendsTo(service);
    }

    @Override
    public Optional<ProofFinding> protectionFinding(String header, String value, String service) {
      return routes.protectionFinding(header, value, service);
    }
  }

  private static final class GrpcProofList implements Proofs<GRPCRoute> {
    private final List<GRPCRoute> routes = new ArrayList<>();

    @Override
    public void add(GRPCRoute route) {
      routes.add(route);
    }

    @Override
    public List<ProofFinding> unreachableRules() {
      return GrpcProofs.unreachableRules(routes);
    }

    @Override
    public boolean sendsTo(String service) {
      return routes.stream()
          .flatMap(route -> route.getSpec().getRules().stream())
          .flatMap(rule -> rule.getBackendRefs().stream())
          .map(GRPCBackendRef::getName)
          .anyMatch(service::equals);
    }

    @Override
    public Optional<ProofFinding> protectionFinding(String header, String value, String service) {
      return GrpcProofs.protectionFinding(routes, header, value, service);
    }
  }

  private static final Kind<HTTPRoute> HTTP =
      new Kind<>(
          HttpRouteMapping::toRoute,
          route ->
              route.getSpec() == null
                      || route.getSpec().getParentRefs() == null
                      || route.getSpec().getRules() == null
                  ? null
                  : route.getSpec().getParentRefs(),
          HttpProofs::new);

  private static final Kind<GRPCRoute> GRPC =
      new Kind<>(
          HttpRouteMapping::toGrpcRoute,
          route ->
              route.getSpec() == null
                      || route.getSpec().getParentRefs() == null
                      || route.getSpec().getRules() == null
                  ? null
                  : route.getSpec().getParentRefs(),
          GrpcProofList::new);

  private final Kind<R> kind;
  private final Map<String, Group> groups = new LinkedHashMap<>();
  private final boolean ownRulesOnly;

  private PrecedenceCheck(Kind<R> kind, boolean ownRulesOnly) {
    this.kind = kind;
    this.ownRulesOnly = ownRulesOnly;
  }

  /**
   * @param ownRulesOnly report TE301 only for rules a route's own rules shadow: with Gateways
   *     given, shadowing across routes is decided per listener and reported as TE504
   */
  static PrecedenceCheck<HTTPRoute> http(boolean ownRulesOnly) {
    return new PrecedenceCheck<>(HTTP, ownRulesOnly);
  }

  /**
   * @param ownRulesOnly as for {@link #http}: with Gateways given, shadowing between GRPCRoutes is
   *     decided per listener too
   */
  static PrecedenceCheck<GRPCRoute> grpc(boolean ownRulesOnly) {
    return new PrecedenceCheck<>(GRPC, ownRulesOnly);
  }

  void add(JsonNode tree, Findings findings) {
    R route;
    try {
      route = kind.read().apply(tree);
    } catch (RouteShapeException e) {
      // The schema checks have already reported the shape problem.
      return;
    }
    List<ParentReference> parents = kind.parentRefs().apply(route);
    if (parents == null) {
      return;
    }
    Group group =
        groups.computeIfAbsent(parentsOf(route, parents, groups.size()), key -> new Group());
    group.routes.add(route);
    if (ownRulesOnly) {
      Proofs<R> alone = kind.proofs().get();
      alone.add(route);
      group.eachAlone.add(alone);
    }
    group.sinks.add(findings);
  }

  void check(ProtectExpectation protect) {
    groups.values().forEach(group -> check(group, protect));
  }

  /**
   * The parents a route attaches to, as one key. A route without a namespace could land anywhere,
   * and one without parentRefs attaches to nothing (TE404), so each is compared with nothing else.
   */
  private static String parentsOf(
      HasMetadata route, List<ParentReference> parentRefs, int position) {
    String namespace = route.getMetadata() == null ? null : route.getMetadata().getNamespace();
    if (namespace == null || parentRefs.isEmpty()) {
      return "#" + position;
    }
    List<String> parents = new ArrayList<>();
    for (ParentReference parent : parentRefs) {
      parents.add(
          String.join(
              "/",
              String.valueOf(parent.getKind()),
              parent.getNamespace() == null ? namespace : parent.getNamespace(),
              parent.getName(),
              String.valueOf(parent.getSectionName()),
              String.valueOf(parent.getPort())));
    }
    Collections.sort(parents);
    return String.join(",", parents);
  }

  /**
   * Routes that attach to the same parents, kept as the proofs need them, each one alone too when
   * only its own rules count, and where each one's findings go.
   */
  private final class Group {
    private final Proofs<R> routes = kind.proofs().get();
    private final List<Proofs<R>> eachAlone = new ArrayList<>();
    private final List<Findings> sinks = new ArrayList<>();
  }

  private void check(Group group, ProtectExpectation protect) {
    if (ownRulesOnly) {
      for (int i = 0; i < group.eachAlone.size(); i++) {
        for (ProofFinding unreachable : group.eachAlone.get(i).unreachableRules()) {
          report(group.sinks.get(i), unreachable);
        }
      }
    } else {
      for (ProofFinding unreachable : group.routes.unreachableRules()) {
        report(group.sinks.get(unreachable.route()), unreachable);
      }
    }
    if (protect == null
        || protect.header() == null
        || protect.value() == null
        || protect.service() == null
        || !group.routes.sendsTo(protect.service())) {
      return;
    }
    group
        .routes
        .protectionFinding(protect.header(), protect.value(), protect.service())
        .ifPresent(
            unprotected ->
                group
                    .sinks
                    .get(unprotected.route())
                    .error(
                        Codes.UNPROTECTED,
                        rulePointer(unprotected),
                        sentence(unprotected.message()),
                        unprotected.fix()));
  }

  private static void report(Findings sink, ProofFinding unreachable) {
    sink.warning(
        Codes.UNREACHABLE_RULE,
        rulePointer(unreachable),
        sentence(unreachable.message()),
        unreachable.fix());
  }

  private static String rulePointer(ProofFinding finding) {
    return "/spec/rules/" + finding.rule();
  }

  private static String sentence(String message) {
    return message.isEmpty()
        ? message
        : Character.toUpperCase(message.charAt(0)) + message.substring(1);
  }
}
