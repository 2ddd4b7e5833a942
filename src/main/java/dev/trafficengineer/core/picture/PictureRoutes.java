package dev.trafficengineer.core.picture;

import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.yaml.HttpRouteMapping;
import dev.trafficengineer.core.yaml.RouteShapeException;
import dev.trafficengineer.core.yaml.YamlDocument;
import dev.trafficengineer.core.yaml.YamlInputException;
import dev.trafficengineer.core.yaml.YamlReader;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The HTTPRoutes of the input with the index of the document each came from, which findings use in
 * their paths when there are several documents.
 */
record PictureRoutes(List<HTTPRoute> routes, List<Integer> documents, int documentCount) {

  static PictureRoutes read(String yaml) {
    if (yaml == null || yaml.isBlank()) {
      throw InvalidInputException.missing("yaml");
    }
    List<YamlDocument> read;
    try {
      read = YamlReader.read(yaml);
    } catch (YamlInputException e) {
      throw new InvalidInputException("yaml", "(YAML)", "cannot be read: " + e.getMessage());
    }
    List<HTTPRoute> routes = new ArrayList<>();
    List<Integer> documents = new ArrayList<>();
    for (YamlDocument document : read) {
      JsonNode tree = document.tree();
      if (!"HTTPRoute".equals(tree.path("kind").asString(""))) {
        continue;
      }
      try {
        routes.add(HttpRouteMapping.toRoute(tree));
      } catch (RouteShapeException e) {
        throw new InvalidInputException(
            "yaml",
            "document " + document.index(),
            "cannot be drawn as an HTTPRoute: " + e.getMessage());
      }
      documents.add(document.index());
    }
    if (routes.isEmpty()) {
      throw new InvalidInputException(
          "yaml", read.size() + " documents", "hold no HTTPRoute to draw");
    }
    return new PictureRoutes(List.copyOf(routes), List.copyOf(documents), read.size());
  }

  /** The route read from document {@code document}, or -1 when it held none. */
  int routeOfDocument(int document) {
    return documents.indexOf(document);
  }
}
