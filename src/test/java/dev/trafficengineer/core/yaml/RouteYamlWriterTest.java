package dev.trafficengineer.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("RouteYamlWriter")
class RouteYamlWriterTest {

  static String roundTrip(String value) {
    String yaml = RouteYamlWriter.write(Map.of("value", value));
    return YamlReader.read(yaml).get(0).tree().get("value").toString();
  }

  @Test
  @DisplayName("writes apiVersion, kind, metadata, spec first, whatever order they were set in")
  void topLevelOrder() {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("spec", Map.of("rules", List.of()));
    object.put("zeta", "last");
    object.put("metadata", Map.of("namespace", "task-api", "name", "r"));
    object.put("kind", "HTTPRoute");
    object.put("apiVersion", "gateway.networking.k8s.io/v1");

    assertThat(RouteYamlWriter.write(object))
        .isEqualTo(
            """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: r
              namespace: task-api
            spec:
              rules: []
            zeta: last
            """);
  }

  @Test
  @DisplayName("writes a match before its backends and a backend's name before port and weight")
  void ruleOrder() {
    HTTPRoute route =
        new HTTPRouteBuilder()
            .withNewSpec()
            .addNewRule()
            .addNewBackendRef()
            .withWeight(5)
            .withPort(8000)
            .withName("task-api-canary")
            .endBackendRef()
            .addNewMatch()
            .addNewHeader()
            .withValue("premium")
            .withName("x-api-tier")
            .endHeader()
            .withNewPath()
            .withValue("/api/")
            .withType("PathPrefix")
            .endPath()
            .endMatch()
            .endRule()
            .endSpec()
            .build();

    assertThat(RouteYamlWriter.write(route))
        .isEqualTo(
            """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            spec:
              rules:
              - matches:
                - path:
                    type: PathPrefix
                    value: /api/
                  headers:
                  - name: x-api-tier
                    value: premium
                backendRefs:
                - name: task-api-canary
                  port: 8000
                  weight: 5
            """);
  }

  @Test
  @DisplayName("leaves out nulls and the empty lists of the model")
  void noNullsNoEmptyLists() {
    HTTPRoute route =
        new HTTPRouteBuilder()
            .withNewMetadata()
            .withName("r")
            .withNamespace(null)
            .endMetadata()
            .withNewSpec()
            .withHostnames()
            .addNewRule()
            .withMatches()
            .addNewBackendRef()
            .withName("s")
            .withWeight(null)
            .endBackendRef()
            .endRule()
            .endSpec()
            .build();

    String yaml = RouteYamlWriter.write(route);

    assertThat(yaml).doesNotContain("null").doesNotContain("[]").doesNotContain("{}");
    assertThat(yaml).doesNotContain("hostnames").doesNotContain("matches").doesNotContain("weight");
  }

  @Nested
  @DisplayName("quotes strings a YAML reader would take for something else")
  class Quoting {
    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(
        strings = {
          "true",
          "false",
          "yes",
          "no",
          "on",
          "off",
          "y",
          "n",
          "Yes",
          "NO",
          "null",
          "Null",
          "~",
          "8000",
          "010",
          "08",
          "-1",
          "+1",
          "1.5",
          ".5",
          "1e3",
          ".nan",
          "-.inf",
          "",
          " ",
          "*.example.com",
          "&x",
          "!x",
          "a: b",
          "#x",
          "x #y",
          "[x",
          "{x",
          "|",
          ">",
          "-",
          "? x",
          "'x",
          "\"x",
          "@x",
          "`x",
          "%x",
          "line\nbreak"
        })
    @DisplayName("so that it reads back as the same string")
    void readsBackAsString(String value) {
      assertThat(roundTrip(value))
          .isEqualTo(
              tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(value).toString());
    }

    @Test
    @DisplayName("writes the lesson's \"true\" and the port-like \"8000\" in double quotes")
    void lessonStyle() {
      assertThat(RouteYamlWriter.write(Map.of("value", "true"))).isEqualTo("value: \"true\"\n");
      assertThat(RouteYamlWriter.write(Map.of("value", "8000"))).isEqualTo("value: \"8000\"\n");
      assertThat(RouteYamlWriter.write(Map.of("value", "yes"))).isEqualTo("value: \"yes\"\n");
      assertThat(RouteYamlWriter.write(Map.of("value", "null"))).isEqualTo("value: \"null\"\n");
      assertThat(RouteYamlWriter.write(Map.of("port", 8000))).isEqualTo("port: 8000\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {"0x1f", "0x1F", "0o17", "0b101", "00e0", "1_000", "+0x1", "-0b1", ".Inf"})
    @DisplayName("including the number forms of go-yaml v2 (known bug)")
    void goYamlNumberForms(String value) {
      assertThat(roundTrip(value))
          .isEqualTo(
              tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(value).toString());
    }
  }
}
