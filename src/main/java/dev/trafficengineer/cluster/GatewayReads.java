package dev.trafficengineer.cluster;

import dev.trafficengineer.core.Json;
import dev.trafficengineer.core.crd.CrdRouteValidator;
import dev.trafficengineer.core.input.InputRules;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.validate.RouteValidator;
import dev.trafficengineer.core.validate.ValidateRequest;
import dev.trafficengineer.core.validate.ValidationResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code cluster_check_gateway}: reads one Gateway, every HTTPRoute and GRPCRoute that names it,
 * and the ReferenceGrants, Services, EndpointSlices and Namespaces those routes depend on ({@link
 * LiveState}), then runs the same checks validate_route runs on files. GET and LIST requests only.
 */
public final class GatewayReads {
  static final String CRD = "httproutes.gateway.networking.k8s.io";
  static final String GRPC_CRD = "grpcroutes.gateway.networking.k8s.io";
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
        LiveState.read(
            "get",
            "Gateway " + where,
            () -> client.resources(Gateway.class).inNamespace(namespace).withName(name).get());
    if (gateway == null) {
      throw new ClusterException("NotFound", "Gateway " + where + " does not exist");
    }
    LiveState state = LiveState.read(client, Set.of(where), Set.of(), Set.of(), Set.of());
    List<HasMetadata> documents = state.all();
    StringBuilder yaml = new StringBuilder();
    List<String> names = new ArrayList<>();
    for (HasMetadata document : documents) {
      if (!yaml.isEmpty()) {
        yaml.append("---\n");
      }
      yaml.append(Json.MAPPER.writeValueAsString(document)).append('\n');
      names.add(document.getKind() + " " + key(document));
    }
    CustomResourceDefinition crd = installedCrd(client, CRD);
    ValidationResult result =
        validate(
            yaml.toString(),
            Stream.of(crd, installedCrd(client, GRPC_CRD)).filter(Objects::nonNull).toList());
    Map<String, String> annotations =
        crd == null || crd.getMetadata().getAnnotations() == null
            ? Map.of()
            : crd.getMetadata().getAnnotations();
    return new LiveGatewayCheck(
        where,
        annotations.get(BUNDLE_VERSION),
        annotations.get(CHANNEL),
        state.routes().stream().map(GatewayReads::key).toList(),
        names,
        result.valid(),
        result.findings(),
        result.context());
  }

  /** An installed route CRD, or null when it is absent or cannot be read (no permission). */
  private static CustomResourceDefinition installedCrd(KubernetesClient client, String name) {
    try {
      return client.apiextensions().v1().customResourceDefinitions().withName(name).get();
    } catch (KubernetesClientException e) {
      return null;
    }
  }

  /**
   * Judges the routes by the CRDs the cluster runs (HTTPRoute, GRPCRoute), their schemas and CEL
   * rules; the built-in v1.6.1 standard checks judge a kind whose CRD could not be read, and all
   * routes when no CRD carries a schema the engine can use (their findings then name no CRD).
   */
  private static ValidationResult validate(String yaml, List<CustomResourceDefinition> crds) {
    if (!crds.isEmpty()) {
      try {
        return CrdRouteValidator.validate(
            new ValidateRequest(
                yaml,
                null,
                Json.MAPPER.writeValueAsString(Map.of("kind", "List", "items", crds)),
                null));
      } catch (InvalidInputException e) {
        // No usable schema in the installed CRD: the built-in checks below.
      }
    }
    return RouteValidator.validate(new ValidateRequest(yaml, null));
  }

  static String key(HasMetadata object) {
    String namespace = object.getMetadata().getNamespace();
    return (namespace == null ? "" : namespace + "/") + object.getMetadata().getName();
  }
}
