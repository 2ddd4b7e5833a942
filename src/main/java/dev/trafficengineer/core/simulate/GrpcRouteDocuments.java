package dev.trafficengineer.core.simulate;

import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.yaml.HttpRouteMapping;
import dev.trafficengineer.core.yaml.RouteShapeException;
import dev.trafficengineer.core.yaml.YamlDocument;
import dev.trafficengineer.core.yaml.YamlInputException;
import dev.trafficengineer.core.yaml.YamlReader;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The GRPCRoutes of a YAML input, in order. Other documents (HTTPRoutes, Services, a Gateway) are
 * skipped with a note, so that a whole manifest file can be simulated as it is.
 */
final class GrpcRouteDocuments {
  private static final String API_VERSION = "gateway.networking.k8s.io/v1";

  record Read(List<GRPCRoute> routes, List<String> notes) {}

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
    List<GRPCRoute> routes = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (YamlDocument document : documents) {
      JsonNode tree = document.tree();
      String kind = tree.path("kind").asString("");
      String apiVersion = tree.path("apiVersion").asString("");
      if (!"GRPCRoute".equals(kind) || !API_VERSION.equals(apiVersion)) {
        notes.add(
            "document "
                + document.index()
                + " ("
                + (apiVersion + " " + kind).trim()
                + ") skipped: not a gateway.networking.k8s.io/v1 GRPCRoute");
        continue;
      }
      GRPCRoute route;
      try {
        route = HttpRouteMapping.toGrpcRoute(tree);
      } catch (RouteShapeException e) {
        throw new InvalidInputException(
            field,
            "document " + document.index(),
            "cannot be read as a GRPCRoute: " + e.getMessage());
      }
      RouteMetadata.check(field, document.index(), route, notes);
      routes.add(route);
    }
    if (routes.isEmpty()) {
      throw new InvalidInputException(
          field,
          documents.size() + " documents",
          "hold no gateway.networking.k8s.io/v1 GRPCRoute to send gRPC calls through");
    }
    return new Read(List.copyOf(routes), List.copyOf(notes));
  }
}
