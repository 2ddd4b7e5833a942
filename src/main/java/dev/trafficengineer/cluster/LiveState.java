package dev.trafficengineer.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteRule;
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
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What the cluster holds around some Gateways, as the cross-resource checks need it: the Gateways,
 * every HTTPRoute and GRPCRoute that names one of them in a parentRef, and the ReferenceGrants,
 * Services, EndpointSlices and Namespaces those routes depend on. GET and LIST requests only.
 *
 * @param gateways the Gateways found (one that does not exist is left out)
 * @param routes HTTPRoutes, then GRPCRoutes, each sorted by {@code namespace/name}
 * @param context grants, Services and EndpointSlices per namespace, then the routes' Namespaces
 */
record LiveState(List<HasMetadata> gateways, List<HasMetadata> routes, List<HasMetadata> context) {

  /** Everything read, in the order above. */
  List<HasMetadata> all() {
    return Stream.of(gateways, routes, context).flatMap(List::stream).toList();
  }

  /**
   * Reads the state around {@code gateways} ({@code namespace/name}); {@code routes} ({@code
   * namespace/name}) are read too whatever they name, and {@code namespaces} and {@code
   * routeNamespaces} add to those the routes read depend on (for routes not in the cluster yet).
   */
  static LiveState read(
      KubernetesClient client,
      Set<String> gateways,
      Set<String> routes,
      Set<String> namespaces,
      Set<String> routeNamespaces) {
    List<HasMetadata> found = new ArrayList<>();
    for (String gateway : gateways) {
      String[] parts = gateway.split("/", 2);
      Gateway one =
          read(
              "get",
              "Gateway " + gateway,
              () -> client.resources(Gateway.class).inNamespace(parts[0]).withName(parts[1]).get());
      if (one != null) {
        found.add(one);
      }
    }
    TreeSet<String> backendNamespaces = new TreeSet<>(namespaces);
    TreeSet<String> ownNamespaces = new TreeSet<>(routeNamespaces);
    List<HasMetadata> attached = new ArrayList<>();
    for (HTTPRoute route :
        read(
            "list",
            "HTTPRoutes",
            () -> client.resources(HTTPRoute.class).inAnyNamespace().list().getItems())) {
      if (wanted(
          route,
          parents(route.getSpec() == null ? null : route.getSpec().getParentRefs()),
          gateways,
          routes)) {
        attached.add(route);
        backendNamespaces.addAll(httpBackendNamespaces(route));
      }
    }
    attached.sort(Comparator.comparing(GatewayReads::key));
    List<HasMetadata> grpc = new ArrayList<>();
    for (GRPCRoute route : grpcRoutes(client)) {
      if (wanted(
          route,
          parents(route.getSpec() == null ? null : route.getSpec().getParentRefs()),
          gateways,
          routes)) {
        grpc.add(route);
        backendNamespaces.addAll(grpcBackendNamespaces(route));
      }
    }
    grpc.sort(Comparator.comparing(GatewayReads::key));
    attached.addAll(grpc);
    attached.forEach(route -> ownNamespaces.add(route.getMetadata().getNamespace()));
    backendNamespaces.addAll(ownNamespaces);
    List<HasMetadata> context = new ArrayList<>();
    for (String ns : backendNamespaces) {
      context.addAll(grants(client, ns));
      context.addAll(
          read(
              "list",
              "Services in " + ns,
              () -> client.services().inNamespace(ns).list().getItems()));
      context.addAll(
          read(
              "list",
              "EndpointSlices in " + ns,
              () -> client.resources(EndpointSlice.class).inNamespace(ns).list().getItems()));
    }
    for (String ns : ownNamespaces) {
      Namespace namespace =
          read("get", "Namespace " + ns, () -> client.namespaces().withName(ns).get());
      if (namespace != null) {
        context.add(namespace);
      }
    }
    return new LiveState(List.copyOf(found), List.copyOf(attached), List.copyOf(context));
  }

  private static boolean wanted(
      HasMetadata route, List<ParentReference> parents, Set<String> gateways, Set<String> routes) {
    if (routes.contains(GatewayReads.key(route))) {
      return true;
    }
    for (ParentReference parent : parents) {
      String namespace =
          parent.getNamespace() == null
              ? route.getMetadata().getNamespace()
              : parent.getNamespace();
      if ((parent.getKind() == null || "Gateway".equals(parent.getKind()))
          && gateways.contains(namespace + "/" + parent.getName())) {
        return true;
      }
    }
    return false;
  }

  private static List<ParentReference> parents(List<ParentReference> parents) {
    return parents == null ? List.of() : parents.stream().filter(Objects::nonNull).toList();
  }

  /**
   * The cluster's GRPCRoutes; none where the GRPCRoute CRD is not installed (GRPCRoute is in the
   * standard channel from v1.1 only).
   */
  private static List<GRPCRoute> grpcRoutes(KubernetesClient client) {
    try {
      return client.resources(GRPCRoute.class).inAnyNamespace().list().getItems();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return List.of();
      }
      throw ApiErrors.of(e, "list", "GRPCRoutes");
    }
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

  private static List<String> httpBackendNamespaces(HTTPRoute route) {
    return backendNamespaces(
        route.getSpec() == null ? null : route.getSpec().getRules(),
        HTTPRouteRule::getBackendRefs,
        HTTPBackendRef::getNamespace);
  }

  private static List<String> grpcBackendNamespaces(GRPCRoute route) {
    return backendNamespaces(
        route.getSpec() == null ? null : route.getSpec().getRules(),
        GRPCRouteRule::getBackendRefs,
        GRPCBackendRef::getNamespace);
  }

  /** The namespaces the backendRefs name explicitly. */
  private static <R, B> List<String> backendNamespaces(
      List<R> rules, Function<R, List<B>> refs, Function<B, String> namespace) {
    List<String> namespaces = new ArrayList<>();
    for (R rule : rules == null ? List.<R>of() : rules) {
      List<B> backends = rule == null ? null : refs.apply(rule);
      for (B backend : backends == null ? List.<B>of() : backends) {
        if (backend != null && namespace.apply(backend) != null) {
          namespaces.add(namespace.apply(backend));
        }
      }
    }
    return namespaces;
  }

  static <T> T read(String verb, String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      throw ApiErrors.of(e, verb, what);
    }
  }
}
