package dev.trafficengineer.cluster;

import dev.trafficengineer.core.Json;
import dev.trafficengineer.core.compare.CompareRequest;
import dev.trafficengineer.core.compare.ComparisonResult;
import dev.trafficengineer.core.compare.RouteComparison;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.yaml.YamlDocument;
import dev.trafficengineer.core.yaml.YamlInputException;
import dev.trafficengineer.core.yaml.YamlReader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * {@code validate --before --live --after NEW} and {@code cluster_compare_routes}: the cluster's
 * current state is "before", and "after" is that state with the given documents applied over it (a
 * document replaces the cluster's of the same kind, namespace and name, or is added). The state
 * read is what decides the given routes' traffic: the Gateways they name or that are given, every
 * HTTPRoute and GRPCRoute that names one of those Gateways (another team's route may shadow a
 * rule), and the ReferenceGrants, Services, EndpointSlices and Namespaces the routes depend on. GET
 * and LIST only.
 *
 * <p>Route status is left out of "before": it describes the cluster's generation, not the change,
 * and would show as fixed whenever a file without status replaces the route.
 */
public final class LiveComparison {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

  private final Cluster cluster;

  public LiveComparison(Cluster cluster) {
    this.cluster = cluster;
  }

  public ComparisonResult compare(LiveCompareRequest request) {
    String after = request == null ? null : request.after();
    if (after == null || after.isBlank()) {
      throw InvalidInputException.missing("after");
    }
    List<JsonNode> given = documents(after);
    Set<String> gateways = new TreeSet<>();
    Set<String> givenRoutes = new TreeSet<>();
    Set<String> namespaces = new TreeSet<>();
    Set<String> routeNamespaces = new TreeSet<>();
    Set<String> replaced = new TreeSet<>();
    for (JsonNode document : given) {
      String kind = document.path("kind").asString("");
      String namespace = namespace(document);
      replaced.add(kind + " " + namespace + "/" + name(document));
      // A name the API server would refuse names nothing to read; the review reports it.
      if (!NAME.matcher(namespace).matches()) {
        continue;
      }
      if ("Gateway".equals(kind) && NAME.matcher(name(document)).matches()) {
        gateways.add(namespace + "/" + name(document));
      } else if ("HTTPRoute".equals(kind) || "GRPCRoute".equals(kind)) {
        givenRoutes.add(namespace + "/" + name(document));
        routeNamespaces.add(namespace);
        for (JsonNode parent : document.path("spec").path("parentRefs")) {
          String gatewayNamespace = parent.path("namespace").asString(namespace);
          String gatewayName = parent.path("name").asString("");
          if ("Gateway".equals(parent.path("kind").asString("Gateway"))
              && NAME.matcher(gatewayNamespace).matches()
              && NAME.matcher(gatewayName).matches()) {
            gateways.add(gatewayNamespace + "/" + gatewayName);
          }
        }
        for (JsonNode rule : document.path("spec").path("rules")) {
          for (JsonNode backend : rule.path("backendRefs")) {
            String backendNamespace = backend.path("namespace").asString("");
            if (NAME.matcher(backendNamespace).matches()) {
              namespaces.add(backendNamespace);
            }
          }
        }
      }
    }
    List<HasMetadata> live =
        LiveState.read(cluster.client(), gateways, givenRoutes, namespaces, routeNamespaces).all();
    Map<String, String> before = new LinkedHashMap<>();
    for (HasMetadata object : live) {
      if (object instanceof HTTPRoute route) {
        route.setStatus(null);
      } else if (object instanceof GRPCRoute route) {
        route.setStatus(null);
      }
      before.put(identity(object.getKind(), object), Json.MAPPER.writeValueAsString(object));
    }
    StringBuilder afterText = new StringBuilder(after);
    if (!after.endsWith("\n")) {
      afterText.append('\n');
    }
    for (Map.Entry<String, String> object : before.entrySet()) {
      if (!replaced.contains(object.getKey())) {
        afterText.append("---\n").append(object.getValue()).append('\n');
      }
    }
    StringBuilder beforeText = new StringBuilder("# the cluster's current state\n");
    for (String object : before.values()) {
      beforeText.append("---\n").append(object).append('\n');
    }
    return RouteComparison.compare(new CompareRequest(beforeText.toString(), afterText.toString()));
  }

  private static List<JsonNode> documents(String yaml) {
    try {
      return YamlReader.read(yaml).stream().map(YamlDocument::tree).toList();
    } catch (YamlInputException e) {
      throw new InvalidInputException("after", null, "cannot be read as YAML: " + e.getMessage());
    }
  }

  /** {@code Kind namespace/name}, as compare_routes names a resource. */
  private static String identity(String kind, HasMetadata object) {
    String namespace = object.getMetadata().getNamespace();
    return kind
        + " "
        + (namespace == null ? "default" : namespace)
        + "/"
        + object.getMetadata().getName();
  }

  private static String namespace(JsonNode document) {
    return document.path("metadata").path("namespace").asString("default");
  }

  private static String name(JsonNode document) {
    return document.path("metadata").path("name").asString("");
  }
}
