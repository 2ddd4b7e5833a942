package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.generate.CanaryRequest;
import dev.trafficengineer.core.validate.Expectation;
import dev.trafficengineer.core.validate.RouteValidator;
import dev.trafficengineer.core.validate.ValidateRequest;
import dev.trafficengineer.core.validate.ValidationResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code deploy/}: the server's own HTTPRoute is what traffic-engineer generates from {@code
 * deploy/httproute.args.json} (the generate_canary tool's arguments), and it validates clean.
 */
@DisplayName("deploy/ manifests")
class DeployManifestsTest {
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  @Test
  @DisplayName("httproute.yaml is generate_canary's output for httproute.args.json")
  void routeIsGenerated() {
    Map<String, Object> arguments =
        TestFiles.JSON.readValue(
            TestFiles.read(TestFiles.project("deploy/httproute.args.json")), OBJECT);

    String generated =
        new GenerateCanaryTool()
            .call(ArgumentBinder.bind(arguments, CanaryRequest.class, List.of()))
            .yaml();

    assertThat(TestFiles.read(TestFiles.project("deploy/httproute.yaml"))).isEqualTo(generated);
  }

  @Test
  @DisplayName("httproute.yaml validates clean for its namespace and gateway")
  void routeValidates() {
    ValidationResult result =
        RouteValidator.validate(
            new ValidateRequest(
                TestFiles.read(TestFiles.project("deploy/httproute.yaml")),
                new Expectation("traffic-engineer", "shared-gateway", null, null)));

    assertThat(result.valid()).isTrue();
    assertThat(result.findings()).isEmpty();
  }

  @Test
  @DisplayName("the route's backends are the Services, on the port the server listens on")
  void routeMatchesServicesAndDeployment() throws Exception {
    JsonNode route = YAML.readTree(TestFiles.read(TestFiles.project("deploy/httproute.yaml")));
    List<JsonNode> services =
        YAML.readValues(
                YAML.createParser(TestFiles.read(TestFiles.project("deploy/service.yaml"))),
                JsonNode.class)
            .readAll();
    List<JsonNode> manifests =
        YAML.readValues(
                YAML.createParser(TestFiles.read(TestFiles.project("deploy/deployment.yaml"))),
                JsonNode.class)
            .readAll();
    JsonNode container =
        manifests.stream()
            .filter(manifest -> manifest.get("kind").asString().equals("Deployment"))
            .findFirst()
            .orElseThrow()
            .at("/spec/template/spec/containers/0");

    for (JsonNode backend : route.at("/spec/rules/0/backendRefs")) {
      assertThat(services)
          .anySatisfy(
              service -> {
                assertThat(service.at("/metadata/name").asString())
                    .isEqualTo(backend.get("name").asString());
                assertThat(service.at("/spec/ports/0/port").asInt())
                    .isEqualTo(backend.get("port").asInt());
              });
    }
    assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8931);
    assertThat(container.get("args").valueStream().map(JsonNode::asString))
        .contains("serve", "--http", "--stateless", "--port=8931")
        .anyMatch(arg -> arg.startsWith("--token-file="))
        .contains("--allowed-host=" + route.at("/spec/hostnames/0").asString());
  }
}
