package dev.trafficengineer.core.gateway;

import dev.trafficengineer.core.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Sorts the documents of one input into routes and the context that decides how they serve:
 * Gateways, ReferenceGrants (v1 and v1beta1), Services, EndpointSlices and Namespaces. The
 * cross-resource checks start only when a Gateway or a ReferenceGrant is given, so that a route
 * pasted with, say, one Service beside it is reviewed exactly as before.
 */
public final class ContextDocuments {
  private static final Pattern TOP_LEVEL_CONTEXT_KIND =
      Pattern.compile(
          "(?m)^(?:---[ \\t]*)?[\"']?kind[\"']?[ \\t]*:[ \\t]*[\"']?(?:Gateway|ReferenceGrant)[\"']?[ \\t]*(?:#.*)?$");
  private static final Pattern JSON_CONTEXT_KIND =
      Pattern.compile("\"kind\"\\s*:\\s*\"(?:Gateway|ReferenceGrant)\"");

  private static final String GROUP = "gateway.networking.k8s.io/";
  private static final Set<String> ROUTE_VERSIONS = Set.of(GROUP + "v1", GROUP + "v1beta1");

  /** What one document is, as far as the cross-resource checks are concerned. */
  public enum Kind {
    HTTP_ROUTE,
    GRPC_ROUTE,
    GATEWAY,
    REFERENCE_GRANT,
    SERVICE,
    ENDPOINT_SLICE,
    NAMESPACE,
    /** Anything else: a Deployment, a ConfigMap, another kind of route. */
    OTHER,
    /** No string kind: a broken document, left to the route checks to report. */
    UNKNOWN
  }

  private ContextDocuments() {}

  public static Kind kindOf(JsonNode tree) {
    JsonNode kind = tree.path("kind");
    if (!tree.isObject() || !kind.isString()) {
      return Kind.UNKNOWN;
    }
    String apiVersion = tree.path("apiVersion").asString("");
    return switch (kind.asString()) {
      case "HTTPRoute" -> Kind.HTTP_ROUTE;
      case "GRPCRoute" -> Kind.GRPC_ROUTE;
      case "Gateway" -> apiVersion.equals(GROUP + "v1") ? Kind.GATEWAY : Kind.OTHER;
      case "ReferenceGrant" ->
          ROUTE_VERSIONS.contains(apiVersion) ? Kind.REFERENCE_GRANT : Kind.OTHER;
      case "Service" -> apiVersion.equals("v1") ? Kind.SERVICE : Kind.OTHER;
      case "EndpointSlice" ->
          apiVersion.equals("discovery.k8s.io/v1") ? Kind.ENDPOINT_SLICE : Kind.OTHER;
      case "Namespace" -> apiVersion.equals("v1") ? Kind.NAMESPACE : Kind.OTHER;
      default -> Kind.OTHER;
    };
  }

  /**
   * Whether {@code documents} carry a Gateway or a ReferenceGrant: the cross-resource checks apply.
   */
  /**
   * Whether the text may hold a Gateway or a ReferenceGrant, read from its top-level {@code kind}
   * lines without parsing it: false only when it holds none, so that bulk input without context can
   * be validated one document at a time. A parentRef's {@code kind: Gateway} is indented and does
   * not count; a JSON document that names one anywhere does, which only costs memory.
   */
  public static boolean mayHaveContext(String text) {
    return TOP_LEVEL_CONTEXT_KIND.matcher(text).find() || JSON_CONTEXT_KIND.matcher(text).find();
  }

  public static boolean hasContext(List<YamlDocument> documents) {
    for (YamlDocument document : documents) {
      Kind kind = kindOf(document.tree());
      if (kind == Kind.GATEWAY || kind == Kind.REFERENCE_GRANT) {
        return true;
      }
    }
    return false;
  }

  /** The context documents of {@code documents}; routes are not part of it. */
  public static GatewayContext collect(List<YamlDocument> documents) {
    List<JsonNode> gateways = new ArrayList<>();
    List<JsonNode> grants = new ArrayList<>();
    List<JsonNode> services = new ArrayList<>();
    List<JsonNode> slices = new ArrayList<>();
    List<JsonNode> namespaces = new ArrayList<>();
    int skipped = 0;
    for (YamlDocument document : documents) {
      JsonNode tree = document.tree();
      switch (kindOf(tree)) {
        case GATEWAY -> gateways.add(tree);
        case REFERENCE_GRANT -> grants.add(tree);
        case SERVICE -> services.add(tree);
        case ENDPOINT_SLICE -> slices.add(tree);
        case NAMESPACE -> namespaces.add(tree);
        case OTHER -> skipped++;
        case HTTP_ROUTE, GRPC_ROUTE, UNKNOWN -> {
          // Routes and broken documents are the route checks' business.
        }
      }
    }
    return new GatewayContext(gateways, grants, services, slices, namespaces, skipped);
  }
}
