package dev.trafficengineer.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficengineer.core.TestFiles;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pom leaves ten of the client's model jars out (about 6 MB and 2,800 entries of the jar, which
 * every start opens): the API groups this server never reads or writes. The client's own start-up
 * needs some groups it never uses here (batch, apps, autoscaling, certificates, coordination,
 * extensions, node), found by building it without them; those stay.
 */
@EnableKubernetesMockClient(crud = true)
@DisplayName("the fabric8 client and model without the API groups the server does not use")
class FabricModelSubsetTest {
  KubernetesClient client;

  @Test
  @DisplayName("a client builds, and every kind the cluster code reads comes back typed")
  void readsEveryKindItUses() {
    try (KubernetesClient built =
        new KubernetesClientBuilder().withConfig(client.getConfiguration()).build()) {
      List<HasMetadata> items =
          Stream.of("cluster/gateway-bundle.yaml", "cluster/grpc-route-on-gateway.yaml")
              .flatMap(fixture -> built.load(stream(fixture)).items().stream())
              .toList();
      items.forEach(item -> built.resource(item).create());
      built
          .resource(
              new NamespaceBuilder().withNewMetadata().withName("task-api").endMetadata().build())
          .create();

      assertThat(items)
          .extracting(Object::getClass)
          .contains(
              Service.class,
              EndpointSlice.class,
              CustomResourceDefinition.class,
              Gateway.class,
              HTTPRoute.class,
              GRPCRoute.class);
      assertThat(built.services().inNamespace("task-api").list().getItems()).hasSize(2);
      assertThat(built.resources(EndpointSlice.class).inNamespace("task-api").list().getItems())
          .hasSize(2);
      assertThat(built.resources(HTTPRoute.class).inNamespace("task-api").list().getItems())
          .isNotEmpty();
      assertThat(built.resources(GRPCRoute.class).inAnyNamespace().list().getItems()).hasSize(1);
      assertThat(built.namespaces().withName("task-api").get()).isInstanceOf(Namespace.class);
      assertThat(built.apiextensions().v1().customResourceDefinitions().list().getItems())
          .hasSize(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "io.fabric8.kubernetes.api.model.networking.v1.Ingress",
        "io.fabric8.kubernetes.api.model.rbac.ClusterRole",
        "io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget",
        "io.fabric8.kubernetes.api.model.flowcontrol.v1.FlowSchema"
      })
  @DisplayName("the groups left out stay out of the jar")
  void leftOut(String type) {
    assertThatThrownBy(() -> Class.forName(type)).isInstanceOf(ClassNotFoundException.class);
  }

  private static ByteArrayInputStream stream(String fixture) {
    return new ByteArrayInputStream(TestFiles.read(fixture).getBytes(StandardCharsets.UTF_8));
  }
}
