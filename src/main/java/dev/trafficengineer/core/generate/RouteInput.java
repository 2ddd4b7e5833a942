package dev.trafficengineer.core.generate;

import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.validate.SchemaRefusal;
import dev.trafficengineer.core.yaml.HttpRouteMapping;
import dev.trafficengineer.core.yaml.RouteShapeException;
import dev.trafficengineer.core.yaml.YamlDocument;
import dev.trafficengineer.core.yaml.YamlInputException;
import dev.trafficengineer.core.yaml.YamlReader;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the one HTTPRoute a generator is asked to change, and drops what the API server owns
 * (status, managedFields, uid, resourceVersion ...), so that YAML pasted from {@code kubectl get -o
 * yaml} comes back as a clean manifest.
 */
public final class RouteInput {
  private static final Set<String> API_VERSIONS =
      Set.of("gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v1beta1");
  private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private RouteInput() {}

  /**
   * The one HTTPRoute in {@code yaml}, without server-owned fields.
   *
   * @throws InvalidInputException naming {@code field} when the text is not exactly one HTTPRoute
   *     with a spec, a name and a namespace
   */
  public static HTTPRoute single(String field, String yaml) {
    if (yaml == null || yaml.isBlank()) {
      throw InvalidInputException.missing(field);
    }
    List<YamlDocument> documents;
    try {
      documents = YamlReader.read(yaml);
    } catch (YamlInputException e) {
      throw new InvalidInputException(field, "(YAML)", "cannot be read: " + e.getMessage());
    }
    if (documents.size() != 1) {
      throw new InvalidInputException(
          field, documents.size() + " documents", "must hold exactly one HTTPRoute");
    }
    JsonNode tree = withoutNulls(documents.get(0).tree());
    String apiVersion = tree.path("apiVersion").asString("");
    String kind = tree.path("kind").asString("");
    if (!"HTTPRoute".equals(kind) || !API_VERSIONS.contains(apiVersion)) {
      throw new InvalidInputException(
          field,
          (apiVersion + " " + kind).trim(),
          "is not a gateway.networking.k8s.io/v1 (or v1beta1) HTTPRoute");
    }
    // A route the API server would reject is no base to build on.
    SchemaRefusal.refuseSchemaErrors(field, yaml, false);
    HTTPRoute route;
    try {
      route = HttpRouteMapping.toRoute(tree);
    } catch (RouteShapeException e) {
      throw new InvalidInputException(field, "(HTTPRoute)", "cannot be read: " + e.getMessage());
    }
    if (route.getSpec() == null) {
      throw new InvalidInputException(field, "(HTTPRoute)", "has no spec");
    }
    ObjectMeta metadata = route.getMetadata();
    if (metadata == null || metadata.getName() == null || metadata.getNamespace() == null) {
      throw new InvalidInputException(
          field,
          "(HTTPRoute)",
          "needs metadata.name and metadata.namespace, so that the commands change the route"
              + " you mean and no other");
    }
    return withoutServerFields(route);
  }

  /**
   * Kubernetes treats a null field as an absent one ({@code rules:} with nothing after it), so the
   * model should see it absent too rather than as a null list.
   */
  private static JsonNode withoutNulls(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      node.properties().stream()
          .filter(entry -> !entry.getValue().isNull())
          .forEach(entry -> copy.set(entry.getKey(), withoutNulls(entry.getValue())));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> copy.add(withoutNulls(item)));
      return copy;
    }
    return node;
  }

  /** A copy of {@code route} without status, server-owned metadata and kubectl's last-applied. */
  public static HTTPRoute withoutServerFields(HTTPRoute route) {
    HTTPRouteBuilder builder = new HTTPRouteBuilder(route).withStatus(null);
    builder
        .editOrNewMetadata()
        .withManagedFields()
        .withUid(null)
        .withResourceVersion(null)
        .withGeneration(null)
        .withCreationTimestamp(null)
        .withSelfLink(null)
        .withAnnotations(withoutLastApplied(route.getMetadata().getAnnotations()))
        .endMetadata();
    return builder.build();
  }

  /** {@code annotations} without kubectl's last-applied; null when nothing else is left. */
  static Map<String, String> withoutLastApplied(Map<String, String> annotations) {
    if (annotations == null || !annotations.containsKey(LAST_APPLIED)) {
      return annotations;
    }
    Map<String, String> kept = new java.util.LinkedHashMap<>(annotations);
    kept.remove(LAST_APPLIED);
    return kept.isEmpty() ? null : kept;
  }
}
