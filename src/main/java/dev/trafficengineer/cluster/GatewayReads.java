package dev.trafficengineer.cluster;

import dev.trafficengineer.core.Json;
import dev.trafficengineer.core.crd.CrdRouteValidator;
import dev.trafficengineer.core.input.InputRules;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.validate.RouteValidator;
import dev.trafficengineer.core.validate.ValidateRequest;
import dev.trafficengineer.core.validate.ValidationResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ReferenceGrant;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * {@code cluster_check_gateway}: reads one Gateway, every HTTPRoute that names it, and the
 * ReferenceGrants, Services, EndpointSlices and Namespaces those routes depend on, then runs the
 * same checks validate_route runs on files. GET and LIST requests only.
 */
public final class GatewayReads {
  static final String CRD = "httproutes.gateway.networking.k8s.io";
  static final String BUNDLE_VERSION = "gateway.networking.k8s.io/bundle-version";
  static final String CHANNEL = "gateway.networking.k8s.io/channel";

  private final Cluster cluster;

  public GatewayReads(Cluster cluster) {
    this.cluster = cluster;
  }

  public LiveGatewayCheck check(GatewayCheckRequest request) {
    String namespace = InputRules.namespace("namespace", request.namespace());
    String name = InputRules.subdomain("gateway", request.gateway());
    KubernetesClient client = cluster.client();
    String where = namespace + "/" + name;
    Gateway gateway =
        read(
            "get",
            "Gateway " + where,
            () -> client.resources(Gateway.class).inNamespace(namespace).withName(name).get());
    if (gateway == null) {
      throw new ClusterException("NotFound", "Gateway " + where + " does not exist");
    }
    List<HTTPRoute> routes = new ArrayList<>();
    for (HTTPRoute route :
        read(
            "list",
            "HTTPRoutes",
            () -> client.resources(HTTPRoute.class).inAnyNamespace().list().getItems())) {
      if (namesGateway(route, namespace, name)) {
        routes.add(route);
      }
    }
    routes.sort(Comparator.comparing(GatewayReads::key));
    TreeSet<String> namespaces = new TreeSet<>();
    routes.forEach(route -> namespaces.addAll(backendNamespaces(route)));
    List<HasMetadata> documents = new ArrayList<>();
    documents.add(gateway);
    documents.addAll(routes);
    for (String ns : namespaces) {
      documents.addAll(grants(client, ns));
      documents.addAll(
          read(
              "list",
              "Services in " + ns,
              () -> client.services().inNamespace(ns).list().getItems()));
      documents.addAll(
          read(
              "list",
              "EndpointSlices in " + ns,
              () -> client.resources(EndpointSlice.class).inNamespace(ns).list().getItems()));
    }
    TreeSet<String> routeNamespaces = new TreeSet<>();
    routes.forEach(route -> routeNamespaces.add(route.getMetadata().getNamespace()));
    for (String ns : routeNamespaces) {
      Namespace found =
          read("get", "Namespace " + ns, () -> client.namespaces().withName(ns).get());
      if (found != null) {
        documents.add(found);
      }
    }
    StringBuilder yaml = new StringBuilder();
    List<String> names = new ArrayList<>();
    for (HasMetadata document : documents) {
      if (!yaml.isEmpty()) {
        yaml.append("---\n");
      }
      yaml.append(Json.MAPPER.writeValueAsString(document)).append('\n');
      names.add(document.getKind() + " " + key(document));
    }
    CustomResourceDefinition crd = installedCrd(client);
    ValidationResult result = validate(yaml.toString(), crd);
    Map<String, String> annotations =
        crd == null || crd.getMetadata().getAnnotations() == null
            ? Map.of()
            : crd.getMetadata().getAnnotations();
    return new LiveGatewayCheck(
        where,
        annotations.get(BUNDLE_VERSION),
        annotations.get(CHANNEL),
        routes.stream().map(GatewayReads::key).toList(),
        names,
        result.valid(),
        result.findings(),
        result.context());
  }

  /**
   * The ReferenceGrants of {@code namespace}: served as v1 from Gateway API v1.5, as v1beta1 only
   * before, so a cluster that does not know v1 is asked for v1beta1.
   */
  private static List<HasMetadata> grants(KubernetesClient client, String namespace) {
    try {
      return List.copyOf(
          client.resources(ReferenceGrant.class).inNamespace(namespace).list().getItems());
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw ApiErrors.of(e, "list", "ReferenceGrants in " + namespace);
      }
    }
    return List.copyOf(
        read(
            "list",
            "ReferenceGrants in " + namespace,
            () ->
                client
                    .resources(
                        io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.ReferenceGrant.class)
                    .inNamespace(namespace)
                    .list()
                    .getItems()));
  }

  /** The installed HTTPRoute CRD, or null when it cannot be read (no permission for CRDs). */
  private static CustomResourceDefinition installedCrd(KubernetesClient client) {
    try {
      return client.apiextensions().v1().customResourceDefinitions().withName(CRD).get();
    } catch (KubernetesClientException e) {
      return null;
    }
  }

  /**
   * Judges the routes by the CRD the cluster runs, its schema and CEL rules; the built-in v1.6.1
   * standard checks judge when the CRD could not be read or carries no schema the engine can use
   * (its findings then name no CRD).
   */
  private static ValidationResult validate(String yaml, CustomResourceDefinition crd) {
    if (crd != null) {
      try {
        return CrdRouteValidator.validate(
            new ValidateRequest(yaml, null, Json.MAPPER.writeValueAsString(crd), null));
      } catch (InvalidInputException e) {
        // No usable schema in the installed CRD: the built-in checks below.
      }
    }
    return RouteValidator.validate(new ValidateRequest(yaml, null));
  }

  private static boolean namesGateway(HTTPRoute route, String namespace, String name) {
    List<ParentReference> parents =
        route.getSpec() == null || route.getSpec().getParentRefs() == null
            ? List.of()
            : route.getSpec().getParentRefs();
    for (ParentReference parent : parents) {
      String parentNamespace =
          parent.getNamespace() == null
              ? route.getMetadata().getNamespace()
              : parent.getNamespace();
      if ((parent.getKind() == null || "Gateway".equals(parent.getKind()))
          && name.equals(parent.getName())
          && namespace.equals(parentNamespace)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> backendNamespaces(HTTPRoute route) {
    List<String> namespaces = new ArrayList<>();
    namespaces.add(route.getMetadata().getNamespace());
    List<HTTPRouteRule> rules =
        route.getSpec() == null || route.getSpec().getRules() == null
            ? List.of()
            : route.getSpec().getRules();
    for (HTTPRouteRule rule : rules) {
      if (rule.getBackendRefs() != null) {
        for (HTTPBackendRef ref : rule.getBackendRefs()) {
          if (ref.getNamespace() != null) {
            namespaces.add(ref.getNamespace());
          }
        }
      }
    }
    return namespaces;
  }

  private static String key(HasMetadata object) {
    String namespace = object.getMetadata().getNamespace();
    return (namespace == null ? "" : namespace + "/") + object.getMetadata().getName();
  }

  private static <T> T read(String verb, String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      throw ApiErrors.of(e, verb, what);
    }
  }
}
