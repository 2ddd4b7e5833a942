package dev.trafficengineer.core.crd;

import dev.trafficengineer.core.yaml.YamlDocument;
import tools.jackson.databind.JsonNode;

/** How the upgrade check names a route: {@code namespace/name}, and its document when several. */
final class RouteNames {

  private RouteNames() {}

  static String of(YamlDocument document, boolean numbered) {
    JsonNode metadata = document.tree().path("metadata");
    String namespace = metadata.path("namespace").asString("");
    String name = metadata.path("name").asString("(no name)");
    String route = namespace.isEmpty() ? name : namespace + "/" + name;
    return numbered ? route + " (document " + document.index() + ")" : route;
  }
}
