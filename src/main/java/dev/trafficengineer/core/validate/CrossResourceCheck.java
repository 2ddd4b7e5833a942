package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.gateway.ContextDocuments;
import dev.trafficengineer.core.gateway.GatewayAnalysis;
import dev.trafficengineer.core.gateway.GatewayContext;
import dev.trafficengineer.core.gateway.GatewayFinding;
import dev.trafficengineer.core.gateway.GatewayReport;
import dev.trafficengineer.core.yaml.HttpRouteMapping;
import dev.trafficengineer.core.yaml.RouteShapeException;
import dev.trafficengineer.core.yaml.YamlDocument;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * TE501-TE509, when the input holds a Gateway or a ReferenceGrant: the context documents are taken
 * out of the route review (they are not routes, and other documents such as Deployments are skipped
 * and counted), and the HTTPRoutes and GRPCRoutes the API server would accept are analysed against
 * them.
 */
final class CrossResourceCheck {
  private final GatewayContext context;
  private final List<HTTPRoute> routes = new ArrayList<>();
  private final List<Findings> sinks = new ArrayList<>();
  private final List<GRPCRoute> grpcRoutes = new ArrayList<>();
  private final List<Findings> grpcSinks = new ArrayList<>();

  private CrossResourceCheck(GatewayContext context) {
    this.context = context;
  }

  /**
   * The check for {@code documents}, or {@code null} when they hold no Gateway or ReferenceGrant.
   */
  static CrossResourceCheck of(List<YamlDocument> documents) {
    return ContextDocuments.hasContext(documents)
        ? new CrossResourceCheck(ContextDocuments.collect(documents))
        : null;
  }

  /** Whether listeners are known, so that routes compete per listener (TE504). */
  boolean hasGateways() {
    return !context.gateways().isEmpty();
  }

  /** Whether {@code document} is context or skipped, rather than a route to review. */
  boolean takes(YamlDocument document) {
    ContextDocuments.Kind kind = ContextDocuments.kindOf(document.tree());
    return kind != ContextDocuments.Kind.HTTP_ROUTE
        && kind != ContextDocuments.Kind.GRPC_ROUTE
        && kind != ContextDocuments.Kind.UNKNOWN;
  }

  void add(JsonNode tree, Findings findings) {
    HTTPRoute route;
    try {
      route = HttpRouteMapping.toRoute(tree);
    } catch (RouteShapeException e) {
      return;
    }
    if (route.getMetadata() == null || route.getSpec() == null) {
      return;
    }
    routes.add(route);
    sinks.add(findings);
  }

  void addGrpc(JsonNode tree, Findings findings) {
    GRPCRoute route;
    try {
      route = HttpRouteMapping.toGrpcRoute(tree);
    } catch (RouteShapeException e) {
      return;
    }
    if (route.getMetadata() == null || route.getSpec() == null) {
      return;
    }
    grpcRoutes.add(route);
    grpcSinks.add(findings);
  }

  ContextSummary check() {
    GatewayReport report = GatewayAnalysis.analyze(routes, grpcRoutes, context);
    for (GatewayFinding finding : report.findings()) {
      (finding.route() < sinks.size()
              ? sinks.get(finding.route())
              : grpcSinks.get(finding.route() - sinks.size()))
          .crossResource(
              finding.code(),
              finding.severity(),
              finding.pointer(),
              finding.message(),
              finding.fix(),
              finding.impact());
    }
    return new ContextSummary(
        context.gateways().size(),
        context.referenceGrants().size(),
        context.services().size(),
        context.endpointSlices().size(),
        context.namespaces().size(),
        context.skipped(),
        report.notes());
  }
}
