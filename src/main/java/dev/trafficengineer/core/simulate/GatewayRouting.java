package dev.trafficengineer.core.simulate;

import dev.trafficengineer.core.gateway.GatewayReport;
import dev.trafficengineer.core.gateway.ListenerRoutes;
import dev.trafficengineer.core.gateway.ServedGrpcRoute;
import dev.trafficengineer.core.gateway.ServedRoute;
import dev.trafficengineer.core.grpc.GrpcPrecedence;
import dev.trafficengineer.core.grpc.GrpcRequest;
import dev.trafficengineer.core.precedence.Decision;
import dev.trafficengineer.core.precedence.Precedence;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request through the Gateways given: the listener that takes it (see {@link ListenerChoice}),
 * then precedence among only the routes of the request's kind attached to that listener, with the
 * hostnames it lets them serve (HTTP requests among HTTPRoutes, gRPC calls among GRPCRoutes; of an
 * HTTPRoute and a GRPCRoute with intersecting hostnames the analysis has left only the accepted one
 * there); then the chosen rule's split, where the share of a backend that is missing or not
 * permitted gets 500 and that of a backend without ready endpoints 503.
 */
final class GatewayRouting {
  /** The route a decision chose: its number in the analysis, its metadata and its rule's split. */
  record Winner(int route, ObjectMeta metadata, Simulator.Outcome outcome) {}

  /** How the requests of one route kind compete on a listener. */
  interface Kind {
    String name();

    /** Precedence among the listener's routes of this kind; {@code null} when it has none. */
    Decision decide(ListenerRoutes listener, RequestSpec spec);

    Winner winner(ListenerRoutes listener, Decision decision);
  }

  static final Kind HTTP =
      new Kind() {
        @Override
        public String name() {
          return "HTTPRoute";
        }

        @Override
        public Decision decide(ListenerRoutes listener, RequestSpec spec) {
          List<HTTPRoute> served = served(listener);
          return served.isEmpty() ? null : Precedence.decide(served, RequestRules.toHttp(spec));
        }

        @Override
        public Winner winner(ListenerRoutes listener, Decision decision) {
          ServedRoute route = listener.routes().get(decision.winner().route());
          int rule = decision.winner().rule();
          return new Winner(
              route.route(),
              route.served().getMetadata(),
              Simulator.outcome(
                  Precedence.ruleOf(served(listener), decision.winner()),
                  rule,
                  namespace(route.served().getMetadata())));
        }

        private List<HTTPRoute> served(ListenerRoutes listener) {
          return listener.routes().stream().map(ServedRoute::served).toList();
        }
      };

  static final Kind GRPC =
      new Kind() {
        @Override
        public String name() {
          return "GRPCRoute";
        }

        @Override
        public Decision decide(ListenerRoutes listener, RequestSpec spec) {
          List<GRPCRoute> served = served(listener);
          return served.isEmpty()
              ? null
              : GrpcPrecedence.decide(
                  served,
                  new GrpcRequest(spec.service(), spec.method(), spec.headers(), spec.host()));
        }

        @Override
        public Winner winner(ListenerRoutes listener, Decision decision) {
          ServedGrpcRoute route = listener.grpcRoutes().get(decision.winner().route());
          int rule = decision.winner().rule();
          return new Winner(
              route.route(),
              route.served().getMetadata(),
              GrpcSimulator.outcome(
                  GrpcPrecedence.ruleOf(served(listener), decision.winner()),
                  rule,
                  namespace(route.served().getMetadata())));
        }

        private List<GRPCRoute> served(ListenerRoutes listener) {
          return listener.grpcRoutes().stream().map(ServedGrpcRoute::served).toList();
        }
      };

  private GatewayRouting() {}

  static RequestResult route(String field, Kind kind, GatewayReport gateways, RequestSpec spec) {
    ListenerChoice.Choice choice = ListenerChoice.of(field, gateways.listeners(), spec);
    List<String> reasons = new ArrayList<>();
    reasons.add(choice.reason());
    if (choice.listener() == null) {
      return new RequestResult(
          spec, null, null, null, 404, List.of(), reasons, null, null, Map.of("404", 1.0));
    }
    String listener = choice.listener().key();
    Decision decision = kind.decide(choice.listener(), spec);
    if (decision == null || !decision.matched()) {
      if (decision == null) {
        reasons.add("no " + kind.name() + " is attached to it");
      } else {
        reasons.addAll(decision.reasons());
      }
      return new RequestResult(
          spec, null, null, null, 404, List.of(), reasons, null, listener, Map.of("404", 1.0));
    }
    reasons.addAll(decision.reasons());
    Winner winner = kind.winner(choice.listener(), decision);
    reasons.addAll(gateways.admissionDoubts(winner.route()));
    int ruleIndex = decision.winner().rule();
    Simulator.Outcome outcome = winner.outcome();
    reasons.add(outcome.reason());
    Map<String, Double> shares = new LinkedHashMap<>();
    int status = outcome.status();
    if (status == 200) {
      for (int b = 0; b < outcome.backends().size(); b++) {
        double share = outcome.backends().get(b).share();
        int failing = gateways.backendStatus(winner.route(), ruleIndex, b);
        if (failing != 0 && share > 0) {
          reasons.add(
              outcome.backends().get(b).name()
                  + " fails its "
                  + Percent.of(share)
                  + " with "
                  + failing
                  + " ("
                  + cause(gateways.backendCode(winner.route(), ruleIndex, b))
                  + ")");
        }
        shares.merge(String.valueOf(failing == 0 ? 200 : failing), share, Double::sum);
      }
      shares.values().removeIf(share -> share == 0);
      // Shares are weight / total; summing them adds binary noise (0.1 + 0.2), which the answer
      // should not show.
      shares.replaceAll((outcomeStatus, share) -> Math.round(share * 1e12) / 1e12);
      if (!shares.containsKey("200")) {
        status = shares.containsKey("500") ? 500 : 503;
      }
    } else {
      shares.put(String.valueOf(status), 1.0);
    }
    return new RequestResult(
        spec,
        namespace(winner.metadata()) + "/" + winner.metadata().getName(),
        ruleIndex,
        decision.winner().match(),
        status,
        outcome.backends(),
        List.copyOf(reasons),
        null,
        listener,
        shares);
  }

  private static String cause(String code) {
    return code
        + switch (code) {
          case "TE505" -> ": the Service or its port is not there";
          case "TE506" -> ": no ReferenceGrant permits it";
          default -> ": no ready endpoint";
        };
  }

  private static String namespace(ObjectMeta metadata) {
    return metadata.getNamespace() == null ? "default" : metadata.getNamespace();
  }
}
