package dev.trafficengineer.core.simulate;

import dev.trafficengineer.core.gateway.ContextDocuments;
import dev.trafficengineer.core.gateway.GatewayContext;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.validate.SchemaRefusal;
import dev.trafficengineer.core.yaml.HttpRouteMapping;
import dev.trafficengineer.core.yaml.YamlDocument;
import dev.trafficengineer.core.yaml.YamlInputException;
import dev.trafficengineer.core.yaml.YamlReader;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The GRPCRoutes of a YAML input, in order. Other documents (HTTPRoutes, Services) are skipped with
 * a note, so that a whole manifest file can be simulated as it is; when a Gateway is among them,
 * the Gateways, ReferenceGrants, Services and EndpointSlices become the context the calls are
 * simulated in and the HTTPRoutes are read too (a listener accepts only one of an HTTPRoute and a
 * GRPCRoute with intersecting hostnames), as for HTTP requests ({@link RouteDocuments}).
 */
final class GrpcRouteDocuments {
  private static final String API_VERSION = "gateway.networking.k8s.io/v1";

  /**
   * @param httpRoutes the HTTPRoutes beside them when a Gateway is among them, else empty
   * @param context the documents around the routes when a Gateway is among them, else null
   */
  record Read(
      List<GRPCRoute> routes,
      List<String> notes,
      List<HTTPRoute> httpRoutes,
      GatewayContext context) {}

  private GrpcRouteDocuments() {}

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
    // As for HTTPRoutes: a route the API server rejects carries no call.
    SchemaRefusal.refuseSchemaErrors(field, yaml, true);
    List<GRPCRoute> routes = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<HTTPRoute> httpRoutes = new ArrayList<>();
    GatewayContext context = ContextDocuments.collect(documents);
    boolean withGateways = !context.gateways().isEmpty();
    if (withGateways) {
      notes.add(RouteDocuments.contextNote(context));
    }
    for (YamlDocument document : documents) {
      JsonNode tree = document.tree();
      String kind = tree.path("kind").asString("");
      String apiVersion = tree.path("apiVersion").asString("");
      if (withGateways && RouteDocuments.isHttpRoute(tree)) {
        httpRoutes.add(RouteDocuments.httpRoute(field, document, notes));
        continue;
      }
      if (withGateways
          && ContextDocuments.kindOf(tree) != ContextDocuments.Kind.GRPC_ROUTE
          && ContextDocuments.kindOf(tree) != ContextDocuments.Kind.UNKNOWN) {
        continue;
      }
      if (!isGrpcRoute(tree)) {
        notes.add(
            "document "
                + document.index()
                + " ("
                + (apiVersion + " " + kind).trim()
                + ") skipped: not a gateway.networking.k8s.io/v1 GRPCRoute");
        continue;
      }
      routes.add(grpcRoute(field, document, notes));
    }
    if (routes.isEmpty()) {
      throw new InvalidInputException(
          field,
          documents.size() + " documents",
          "hold no gateway.networking.k8s.io/v1 GRPCRoute to send gRPC calls through");
    }
    return new Read(
        List.copyOf(routes),
        List.copyOf(notes),
        List.copyOf(httpRoutes),
        withGateways ? context : null);
  }

  static boolean isGrpcRoute(JsonNode tree) {
    return "GRPCRoute".equals(tree.path("kind").asString(""))
        && API_VERSION.equals(tree.path("apiVersion").asString(""));
  }

  static GRPCRoute grpcRoute(String field, YamlDocument document, List<String> notes) {
    return RouteDocuments.route(
        field, document, notes, "a GRPCRoute", HttpRouteMapping::toGrpcRoute);
  }
}
