package dev.trafficengineer.cluster;

import dev.trafficengineer.core.diff.RouteDiff;
import dev.trafficengineer.core.grpc.RouteKind;
import dev.trafficengineer.core.input.InputRules;
import dev.trafficengineer.core.ownership.ControllerOwnership;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The read tools: get, list and diff, for HTTPRoutes and GRPCRoutes alike. They send GET requests
 * only.
 */
public final class RouteReads {
  private final Cluster cluster;

  public RouteReads(Cluster cluster) {
    this.cluster = cluster;
  }

  public LiveRoute get(RouteRequest request) {
    String namespace = InputRules.namespace("namespace", request.namespace());
    String name = InputRules.subdomain("name", request.name());
    return get(LiveKind.of(RouteKind.of("kind", request.kind())), namespace, name);
  }

  private <R extends HasMetadata> LiveRoute get(LiveKind<R> kind, String namespace, String name) {
    return RouteViews.of(kind, cluster.read(kind, namespace, name));
  }

  /**
   * Both kinds. A kind whose CRD the cluster does not serve (the list is answered 404: GRPCRoute is
   * in the standard channel from Gateway API v1.1 only) is left out with a note, not an error.
   */
  public RouteList list(NamespaceRequest request) {
    String namespace = InputRules.namespace("namespace", request.namespace());
    List<RouteSummary> routes = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (LiveKind<?> kind : List.of(LiveKind.HTTP, LiveKind.GRPC)) {
      try {
        routes.addAll(summaries(kind, cluster.inScope(namespace)));
      } catch (KubernetesClientException e) {
        if (e.getCode() != 404) {
          throw ApiErrors.of(e, "list", kind.kind(), namespace + "/*");
        }
        notes.add(
            kind.kind().kind()
                + "s not listed: the cluster does not serve them (HTTP 404), so the "
                + kind.kind().kind()
                + " CRD is not installed.");
      }
    }
    return new RouteList(namespace, List.copyOf(routes), List.copyOf(notes));
  }

  private <R extends HasMetadata> List<RouteSummary> summaries(LiveKind<R> kind, String namespace) {
    return cluster.client().resources(kind.type()).inNamespace(namespace).list().getItems().stream()
        .sorted(Comparator.comparing(route -> route.getMetadata().getName()))
        .map(route -> RouteViews.summary(kind, route))
        .toList();
  }

  /** The proposal's own {@code kind:} says which live route it is compared with. */
  public LiveDiff diff(DiffRequest request) {
    return diff(LiveKind.ofDocument(request.yaml()), request.yaml());
  }

  private <R extends HasMetadata> LiveDiff diff(LiveKind<R> kind, String yaml) {
    R proposed = kind.parse().apply("yaml", yaml);
    String namespace = proposed.getMetadata().getNamespace();
    String name = proposed.getMetadata().getName();
    R live;
    try {
      live = cluster.route(kind.type(), namespace, name).get();
    } catch (KubernetesClientException e) {
      throw ApiErrors.of(e, "get", kind.kind(), namespace + "/" + name);
    }
    List<String> warnings = new ArrayList<>();
    if (live == null) {
      warnings.add("The route does not exist yet: applying it creates it.");
      return new LiveDiff(
          kind.kind().kind(),
          namespace + "/" + name,
          false,
          null,
          RouteDiff.between(kind.absent(namespace, name), proposed),
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
        kind.kind().kind(),
        RouteViews.name(live),
        true,
        live.getMetadata().getResourceVersion(),
        RouteDiff.between(live, proposed),
        RouteDiff.RULE,
        List.copyOf(warnings));
  }
}
