package dev.trafficengineer.cluster;

import dev.trafficengineer.core.diff.RouteDiff;
import dev.trafficengineer.core.generate.RouteInput;
import dev.trafficengineer.core.input.InputRules;
import dev.trafficengineer.core.ownership.ControllerOwnership;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The read tools: get, list and diff. They send GET requests only. */
public final class RouteReads {
  private final Cluster cluster;

  public RouteReads(Cluster cluster) {
    this.cluster = cluster;
  }

  public LiveRoute get(RouteRequest request) {
    String namespace = InputRules.namespace("namespace", request.namespace());
    String name = InputRules.subdomain("name", request.name());
    return RouteViews.of(cluster.read(namespace, name));
  }

  public RouteList list(NamespaceRequest request) {
    String namespace = InputRules.namespace("namespace", request.namespace());
    List<HTTPRoute> routes;
    try {
      routes =
          cluster
              .client()
              .resources(HTTPRoute.class)
              .inNamespace(cluster.inScope(namespace))
              .list()
              .getItems();
    } catch (KubernetesClientException e) {
      throw ApiErrors.of(e, "list", namespace + "/*");
    }
    return new RouteList(
        namespace,
        routes.stream()
            .sorted(Comparator.comparing(route -> route.getMetadata().getName()))
            .map(RouteViews::summary)
            .toList());
  }

  public LiveDiff diff(DiffRequest request) {
    HTTPRoute proposed = RouteInput.single("yaml", request.yaml());
    String namespace = proposed.getMetadata().getNamespace();
    String name = proposed.getMetadata().getName();
    HTTPRoute live;
    try {
      live = cluster.route(namespace, name).get();
    } catch (KubernetesClientException e) {
      throw ApiErrors.of(e, "get", namespace + "/" + name);
    }
    List<String> warnings = new ArrayList<>();
    if (live == null) {
      HTTPRoute absent =
          new HTTPRouteBuilder()
              .withNewMetadata()
              .withNamespace(namespace)
              .withName(name)
              .endMetadata()
              .build();
      warnings.add("The route does not exist yet: applying it creates it.");
      return new LiveDiff(
          namespace + "/" + name,
          false,
          null,
          RouteDiff.between(absent, proposed),
          RouteDiff.RULE,
          warnings);
    }
    ControllerOwnership.of(live.getMetadata())
        .ifPresent(
            owner ->
                warnings.add(
                    "Owned by "
                        + owner.controller()
                        + ": cluster_apply_route refuses to write it. "
                        + owner.instead()));
    warnings.addAll(ControllerOwnership.warnings(live.getMetadata()));
    return new LiveDiff(
        RouteViews.name(live),
        true,
        live.getMetadata().getResourceVersion(),
        RouteDiff.between(live, proposed),
        RouteDiff.RULE,
        List.copyOf(warnings));
  }
}
