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
 * The routes of a YAML input that requests of one kind go through, in order: HTTPRoutes for HTTP
 * requests, GRPCRoutes for gRPC calls. Other documents (a Service, a Deployment, routes of the
 * other kind) are skipped with a note, so that a whole manifest file can be simulated as it is;
 * when a Gateway is among them, the Gateways, ReferenceGrants, Services and EndpointSlices become
 * the context the requests are simulated in, the routes of both kinds are read (a listener accepts
 * only one of an HTTPRoute and a GRPCRoute with intersecting hostnames), and the rest is counted.
 */
final class RouteDocuments {
  private static final Set<String> API_VERSIONS =
      Set.of("gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v1beta1");
  private static final String GRPC_API_VERSION = "gateway.networking.k8s.io/v1";

  /** Which routes the requests go through, and what is said of the documents that are not. */
  enum For {
    HTTP(
        ContextDocuments.Kind.HTTP_ROUTE,
        "not a gateway.networking.k8s.io HTTPRoute",
        "hold no gateway.networking.k8s.io HTTPRoute"),
    GRPC(
        ContextDocuments.Kind.GRPC_ROUTE,
        "not a gateway.networking.k8s.io/v1 GRPCRoute",
        "hold no gateway.networking.k8s.io/v1 GRPCRoute to send gRPC calls through");

    private final ContextDocuments.Kind kind;
    private final String skipped;
    private final String none;

    For(ContextDocuments.Kind kind, String skipped, String none) {
      this.kind = kind;
      this.skipped = skipped;
      this.none = none;
    }

    /**
     * Whether a document skipped beside Gateways gets a note of its own: one of this kind that
     * cannot be read as such (another apiVersion), or one without a kind; the rest is counted.
     */
    private boolean noted(ContextDocuments.Kind document) {
      return document == kind || document == ContextDocuments.Kind.UNKNOWN;
    }
  }

  /**
   * @param httpRoutes the HTTPRoutes: all of them for HTTP requests, else those beside the
   *     GRPCRoutes when a Gateway is among them
   * @param grpcRoutes the GRPCRoutes, the same way round
   * @param context the documents around the routes when a Gateway is among them, else null
   */
  record Read(
      List<HTTPRoute> httpRoutes,
      List<GRPCRoute> grpcRoutes,
      List<String> notes,
      GatewayContext context) {}

  private RouteDocuments() {}

  static Read read(String field, String yaml, For requests) {
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
    List<HTTPRoute> httpRoutes = new ArrayList<>();
    List<GRPCRoute> grpcRoutes = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    GatewayContext context = ContextDocuments.collect(documents);
    boolean withGateways = !context.gateways().isEmpty();
    if (withGateways) {
      notes.add(contextNote(context));
    }
    for (YamlDocument document : documents) {
      JsonNode tree = document.tree();
      boolean http = isHttpRoute(tree);
      boolean grpc = isGrpcRoute(tree);
      if (http && (withGateways || requests == For.HTTP)) {
        httpRoutes.add(route(field, document, notes, "an HTTPRoute", HttpRouteMapping::toRoute));
      } else if (grpc && (withGateways || requests == For.GRPC)) {
        grpcRoutes.add(route(field, document, notes, "a GRPCRoute", HttpRouteMapping::toGrpcRoute));
      } else if (!withGateways || requests.noted(ContextDocuments.kindOf(tree))) {
        String kind = tree.path("kind").asString("");
        String apiVersion = tree.path("apiVersion").asString("");
        notes.add(
            "document "
                + document.index()
                + " ("
                + (apiVersion + " " + kind).trim()
                + ") skipped: "
                + requests.skipped);
      }
    }
    if ((requests == For.HTTP ? httpRoutes : grpcRoutes).isEmpty()) {
      throw new InvalidInputException(field, documents.size() + " documents", requests.none);
    }
    return new Read(
        List.copyOf(httpRoutes),
        List.copyOf(grpcRoutes),
        List.copyOf(notes),
        withGateways ? context : null);
  }

  private static boolean isHttpRoute(JsonNode tree) {
    return "HTTPRoute".equals(tree.path("kind").asString(""))
        && API_VERSIONS.contains(tree.path("apiVersion").asString(""));
  }

  private static boolean isGrpcRoute(JsonNode tree) {
    return "GRPCRoute".equals(tree.path("kind").asString(""))
        && GRPC_API_VERSION.equals(tree.path("apiVersion").asString(""));
  }

  /** A route document read as {@code kind}; a shape it cannot have is refused, naming it. */
  private static <R extends HasMetadata> R route(
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
  private static String contextNote(GatewayContext context) {
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
