package dev.trafficengineer.core.simulate;

import dev.trafficengineer.core.gateway.ContextDocuments;
import dev.trafficengineer.core.gateway.GatewayContext;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.validate.SchemaRefusal;
import dev.trafficengineer.core.yaml.HttpRouteMapping;
import dev.trafficengineer.core.yaml.RouteShapeException;
import dev.trafficengineer.core.yaml.YamlDocument;
import dev.trafficengineer.core.yaml.YamlInputException;
import dev.trafficengineer.core.yaml.YamlReader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The HTTPRoutes of a YAML input, in order. Other documents (a Service, a Deployment) are skipped
 * with a note, so that a whole manifest file can be simulated as it is; when a Gateway is among
 * them, the Gateways, ReferenceGrants, Services and EndpointSlices become the context the requests
 * are simulated in, the GRPCRoutes are read too (a listener accepts only one of an HTTPRoute and a
 * GRPCRoute with intersecting hostnames), and the rest is counted.
 */
final class RouteDocuments {
  private static final Set<String> API_VERSIONS =
      Set.of("gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v1beta1");

  /**
   * @param grpcRoutes the GRPCRoutes beside them when a Gateway is among them, else empty
   * @param context the documents around the routes when a Gateway is among them, else null
   */
  record Read(
      List<HTTPRoute> routes,
      List<String> notes,
      List<GRPCRoute> grpcRoutes,
      GatewayContext context) {}

  private RouteDocuments() {}

  static Read read(String field, String yaml) {
    if (yaml == null || yaml.isBlank()) {
      throw InvalidInputException.missing(field);
    }
    List<YamlDocument> documents;
    try {
      documents = YamlReader.read(yaml);
    } catch (YamlInputException e) {
      throw new InvalidInputException(field, "(YAML)", "cannot be read: " + e.getMessage());
    }
    // Simulating a route the API server rejects would answer for traffic that never flows
    // (a backendRef typo reads as a rule without backends: a silent 500).
    SchemaRefusal.refuseSchemaErrors(field, yaml, true);
    List<HTTPRoute> routes = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    GatewayContext context = ContextDocuments.collect(documents);
    boolean withGateways = !context.gateways().isEmpty();
    List<GRPCRoute> grpcRoutes = new ArrayList<>();
    if (withGateways) {
      notes.add(contextNote(context));
    }
    for (YamlDocument document : documents) {
      JsonNode tree = document.tree();
      String kind = tree.path("kind").asString("");
      String apiVersion = tree.path("apiVersion").asString("");
      if (withGateways && GrpcRouteDocuments.isGrpcRoute(tree)) {
        grpcRoutes.add(GrpcRouteDocuments.grpcRoute(field, document, notes));
        continue;
      }
      if (withGateways
          && ContextDocuments.kindOf(tree) != ContextDocuments.Kind.HTTP_ROUTE
          && ContextDocuments.kindOf(tree) != ContextDocuments.Kind.UNKNOWN) {
        continue;
      }
      if (!isHttpRoute(tree)) {
        notes.add(
            "document "
                + document.index()
                + " ("
                + (apiVersion + " " + kind).trim()
                + ") skipped: not a gateway.networking.k8s.io HTTPRoute");
        continue;
      }
      routes.add(httpRoute(field, document, notes));
    }
    if (routes.isEmpty()) {
      throw new InvalidInputException(
          field, documents.size() + " documents", "hold no gateway.networking.k8s.io HTTPRoute");
    }
    return new Read(
        List.copyOf(routes),
        List.copyOf(notes),
        List.copyOf(grpcRoutes),
        withGateways ? context : null);
  }

  static boolean isHttpRoute(JsonNode tree) {
    return "HTTPRoute".equals(tree.path("kind").asString(""))
        && API_VERSIONS.contains(tree.path("apiVersion").asString(""));
  }

  static HTTPRoute httpRoute(String field, YamlDocument document, List<String> notes) {
    return route(field, document, notes, "an HTTPRoute", HttpRouteMapping::toRoute);
  }

  /** A route document read as {@code kind}; a shape it cannot have is refused, naming it. */
  static <R extends HasMetadata> R route(
      String field,
      YamlDocument document,
      List<String> notes,
      String kind,
      Function<JsonNode, R> mapping) {
    R route;
    try {
      route = mapping.apply(document.tree());
    } catch (RouteShapeException e) {
      throw new InvalidInputException(
          field,
          "document " + document.index(),
          "cannot be read as " + kind + ": " + e.getMessage());
    }
    RouteMetadata.check(field, document.index(), route, notes);
    return route;
  }

  /** What the simulation is given around the routes, and how much it skips. */
  static String contextNote(GatewayContext context) {
    return "context: "
        + context.gateways().size()
        + " Gateway(s), "
        + context.referenceGrants().size()
        + " ReferenceGrant(s), "
        + context.services().size()
        + " Service(s), "
        + context.endpointSlices().size()
        + " EndpointSlice(s); "
        + context.skipped()
        + " other document(s) skipped";
  }
}
