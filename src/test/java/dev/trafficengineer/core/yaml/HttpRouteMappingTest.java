package dev.trafficengineer.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class HttpRouteMappingTest {

  private static JsonNode tree(String fixture) {
    return YamlReader.read(Fixtures.yaml(fixture)).get(0).tree();
  }

  @Test
  @DisplayName("carries every field of a valid route into the model")
  void mapsValidRoute() {
    HTTPRoute route = HttpRouteMapping.toRoute(tree("canary-with-premium-protection.yaml"));

    assertThat(route.getApiVersion()).isEqualTo("gateway.networking.k8s.io/v1");
    assertThat(route.getKind()).isEqualTo("HTTPRoute");
    assertThat(route.getMetadata().getName()).isEqualTo("task-api-canary");
    assertThat(route.getMetadata().getNamespace()).isEqualTo("task-api");
    assertThat(route.getMetadata().getLabels()).containsEntry("app", "task-api");
    assertThat(route.getSpec().getParentRefs().get(0).getSectionName()).isEqualTo("https");
    assertThat(route.getSpec().getHostnames()).containsExactly("api.example.com");

    HTTPRouteRule premium = route.getSpec().getRules().get(0);
    assertThat(premium.getMatches().get(0).getPath().getType()).isEqualTo("PathPrefix");
    assertThat(premium.getMatches().get(0).getHeaders().get(0).getName()).isEqualTo("x-api-tier");
    assertThat(route.getSpec().getRules().get(1).getBackendRefs())
        .extracting(HTTPBackendRef::getName, HTTPBackendRef::getPort, HTTPBackendRef::getWeight)
        .containsExactly(tuple("task-api-stable", 8000, 95), tuple("task-api-canary", 8000, 5));
  }

  @Test
  @DisplayName("keeps unknown fields in additionalProperties instead of failing")
  void keepsUnknownFields() {
    HTTPRouteRule rule =
        HttpRouteMapping.toRoute(tree("unknown-fields.yaml")).getSpec().getRules().get(0);

    assertThat(rule.getAdditionalProperties()).containsKey("backendRef");
    assertThat(rule.getBackendRefs().get(0).getAdditionalProperties())
        .containsEntry("weights", 100);
    assertThat(rule.getBackendRefs().get(0).getWeight()).isNull();
  }

  @Test
  @DisplayName("refuses a field of the wrong type, naming its pointer")
  void refusesWrongType() {
    JsonNode tree = tree("weight-not-a-number.yaml");

    assertThatThrownBy(() -> HttpRouteMapping.toRoute(tree))
        .isInstanceOf(RouteShapeException.class)
        .hasMessage("/spec/rules/0/backendRefs/0/weight must be an integer, not the string \"ten\"")
        .extracting(e -> ((RouteShapeException) e).pointer())
        .isEqualTo("/spec/rules/0/backendRefs/0/weight");
  }

  @Test
  @DisplayName("refuses what the API server would refuse: a quoted port, a fractional weight")
  void refusesCoercions() {
    assertThatThrownBy(
            () ->
                HttpRouteMapping.toRoute(
                    oneLine("{spec: {rules: [{backendRefs: [{port: \"80\"}]}]}}")))
        .isInstanceOf(RouteShapeException.class)
        .hasMessageStartingWith("/spec/rules/0/backendRefs/0/port must be an integer");
    assertThatThrownBy(
            () ->
                HttpRouteMapping.toRoute(
                    oneLine("{spec: {rules: [{backendRefs: [{weight: 1.5}]}]}}")))
        .isInstanceOf(RouteShapeException.class)
        .hasMessageStartingWith("/spec/rules/0/backendRefs/0/weight must be an integer");
    assertThatThrownBy(() -> HttpRouteMapping.toRoute(oneLine("{spec: {hostnames: example.com}}")))
        .isInstanceOf(RouteShapeException.class)
        .hasMessage("/spec/hostnames must be a list, not the string \"example.com\"");
  }

  private static JsonNode oneLine(String yaml) {
    return YamlReader.read(yaml).get(0).tree();
  }
}
