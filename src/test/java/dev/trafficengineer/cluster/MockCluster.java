package dev.trafficengineer.cluster;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.yaml.HttpRouteMapping;
import dev.trafficengineer.core.yaml.YamlReader;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A {@link Cluster} on the fabric8 mock API server, with the routes the tests start from. */
public final class MockCluster {
  /**
   * Short, because the mock never answers a patch whose {@code test} fails (a real API server
   * answers 422): the client then gives up after this long.
   */
  static final int TIMEOUT_MILLIS = 3_000;

  private MockCluster() {}

  public static Cluster on(KubernetesClient mock) {
    return on(mock, List.of());
  }

  /** Limited to {@code namespaces}, as {@code --namespace} limits it. */
  public static Cluster on(KubernetesClient mock, List<String> namespaces) {
    return new Cluster(
        new KubernetesClientBuilder()
            .withConfig(Cluster.bounded(mock.getConfiguration(), TIMEOUT_MILLIS))
            .build(),
        namespaces);
  }

  /** Stores the route in {@code fixture} (its status too) and returns it as stored. */
  public static HTTPRoute store(KubernetesClient mock, String fixture) {
    HTTPRoute route = route(fixture);
    return mock.resource(route).create();
  }

  /** Stores the GRPCRoute in {@code fixture} (its status too) and returns it as stored. */
  public static GRPCRoute storeGrpc(KubernetesClient mock, String fixture) {
    GRPCRoute route =
        HttpRouteMapping.toGrpcRoute(YamlReader.read(TestFiles.read(fixture)).get(0).tree());
    route.getMetadata().setResourceVersion(null);
    route.getMetadata().setUid(null);
    return mock.resource(route).create();
  }

  /** Stores every object of {@code fixture} (EndpointSlices, say) as it is. */
  public static void storeAll(KubernetesClient mock, String fixture) {
    mock.load(new ByteArrayInputStream(TestFiles.read(fixture).getBytes(StandardCharsets.UTF_8)))
        .items()
        .forEach(item -> mock.resource(item).create());
  }

  static HTTPRoute route(String fixture) {
    HTTPRoute route =
        HttpRouteMapping.toRoute(YamlReader.read(TestFiles.read(fixture)).get(0).tree());
    route.getMetadata().setResourceVersion(null);
    route.getMetadata().setUid(null);
    return route;
  }
}
