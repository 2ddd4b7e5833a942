package dev.trafficengineer.core.gateway;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The documents around the routes, as given: what the cross-resource checks (TE501-TE509) know
 * about the cluster. A kind that is not given at all is not judged: without any Service nothing is
 * reported missing, without any EndpointSlice nothing is reported unready.
 *
 * @param skipped documents that are neither routes nor context (a Deployment, a ConfigMap)
 */
public record GatewayContext(
    List<JsonNode> gateways,
    List<JsonNode> referenceGrants,
    List<JsonNode> services,
    List<JsonNode> endpointSlices,
    List<JsonNode> namespaces,
    int skipped) {

  public GatewayContext {
    gateways = List.copyOf(gateways);
    referenceGrants = List.copyOf(referenceGrants);
    services = List.copyOf(services);
    endpointSlices = List.copyOf(endpointSlices);
    namespaces = List.copyOf(namespaces);
  }

  static String namespaceOf(JsonNode document) {
    return document.path("metadata").path("namespace").asString("default");
  }

  static String nameOf(JsonNode document) {
    return document.path("metadata").path("name").asString("");
  }
}
