package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.mcp.ContractClient.ToolAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every client sees over every transport, written once: subclasses pick the client library and
 * the transport (stdio, Streamable HTTP, stateless HTTP).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class McpContractTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String LESSON_CANARY =
      """
      {"namespace": "task-api", "gateway": "task-api-gateway", "stableService": "task-api-stable",
       "canaryService": "task-api-canary", "port": 8000, "canaryWeight": %d,
       "name": "task-api-canary", "pathPrefix": "/api/"}
      """;

  private ContractClient client;

  /** Starts whatever server the transport needs and connects the client to it. */
  abstract ContractClient connect() throws Exception;

  /** Stops what {@link #connect()} started, after the client has closed. */
  void stopServer() {}

  @BeforeAll
  void open() throws Exception {
    client = connect();
  }

  @AfterAll
  void close() {
    try {
      client.close();
    } finally {
      stopServer();
    }
  }

  @Test
  @DisplayName("lists every tool of the catalog, in its order, then the rollout view's own tool")
  void listsTools() {
    assertThat(client.toolNames()).containsExactlyElementsOf(ToolSelection.offline().names());
  }

  @Test
  @DisplayName("generate_canary returns the lesson's 95/5 route")
  void generatesLessonCanary() {
    ToolAnswer answer = client.callTool("generate_canary", LESSON_CANARY.formatted(5));

    assertThat(answer.isError()).isFalse();
    assertThat(answer.structured().get("yaml").asString())
        .isEqualTo(TestFiles.read("golden/lesson-canary-5.yaml"));
  }

  @Test
  @DisplayName("a refused call names the argument, and the connection keeps serving")
  void refusesThenServes() {
    ToolAnswer refused = client.callTool("generate_canary", LESSON_CANARY.formatted(150));
    ToolAnswer served = client.callTool("generate_canary", LESSON_CANARY.formatted(25));

    assertThat(refused.isError()).isTrue();
    assertThat(refused.errorText()).contains("canaryWeight", "150");
    assertThat(served.structured().get("route").asString()).isEqualTo("task-api/task-api-canary");
  }

  @Test
  @DisplayName("validate_route finds the lesson's backendRef typo")
  void validatesRoute() {
    String typo =
        TestFiles.read("golden/lesson-canary-5.yaml").replace("backendRefs", "backendRef");

    JsonNode result =
        client
            .callTool("validate_route", JSON.writeValueAsString(Map.of("yaml", typo)))
            .structured();

    assertThat(result.get("valid").asBoolean()).isFalse();
    assertThat(result.get("findings").valueStream().map(finding -> finding.get("code").asString()))
        .contains("TE103");
  }

  @Test
  @DisplayName(
      "rollback_patch on a blue-green route, no target: isError with the choices, no patch")
  void rollbackRefusesToGuess() {
    String route = TestFiles.read("golden/lesson-blue-green-green-active.yaml");

    ToolAnswer refused =
        client.callTool("rollback_patch", JSON.writeValueAsString(Map.of("routeYaml", route)));

    assertThat(refused.isError()).isTrue();
    assertThat(refused.errorText())
        .isEqualTo(TestFiles.read("rollback/refusals/blue-green-green-active.txt").strip());
  }

  @Test
  @DisplayName("rollback_patch with to: the explicit choice, with the capacity warning")
  void rollbackTo() {
    String route = TestFiles.read("golden/lesson-blue-green-green-active.yaml");

    ToolAnswer answer =
        client.callTool(
            "rollback_patch",
            JSON.writeValueAsString(Map.of("routeYaml", route, "to", "task-api-blue")));

    assertThat(answer.isError()).isFalse();
    assertThat(answer.structured().get("target").asString()).isEqualTo("to");
    assertThat(answer.structured().get("changes").get(0).asString())
        .isEqualTo("rule 0: task-api-blue 0 -> 100, task-api-green 100 -> 0");
    assertThat(answer.structured().get("warnings").get(0).asString())
        .startsWith("Capacity: task-api-blue would take 100 % from 0 %");
    assertThat(answer.structured().has("cleanup")).isTrue();
    assertThat(answer.structured().get("cleanup").isEmpty()).isTrue();
  }

  @Test
  @DisplayName("rollback_patch on a rolled-back route: nothingToChange, the split, no command")
  void rollbackNothingToChange() {
    String route = TestFiles.read("golden/lesson-canary-rollback-0.yaml");

    JsonNode result =
        client
            .callTool("rollback_patch", JSON.writeValueAsString(Map.of("routeYaml", route)))
            .structured();

    assertThat(result.has("command")).isFalse();
    assertThat(result.get("nothingToChange").asString()).contains("already has weight 0");
    assertThat(result.get("current").get(0).asString())
        .isEqualTo("rule 0: task-api-stable 100, task-api-canary 0");
  }

  @Test
  @DisplayName("lists every prompt of prompts/")
  void listsPrompts() {
    assertThat(client.promptNames()).containsExactlyInAnyOrderElementsOf(PromptCatalog.NAMES);
  }

  @Test
  @DisplayName("review-route renders the route and steers to validate_route, fix, validate again")
  void rendersReviewRoute() {
    String route = TestFiles.read("golden/lesson-canary-5.yaml");

    String text = client.prompt("review-route", Map.of("routeYaml", route));

    assertThat(text).contains(route.strip(), "validate_route", "again").doesNotContain("{{");
  }

  @Test
  @DisplayName("a prompt without a required argument is refused")
  void refusesPromptWithoutArgument() {
    assertThatThrownBy(() -> client.prompt("rollback-now", Map.of()))
        .hasMessageContaining("routeYaml");
  }

  @Test
  @DisplayName("serves the templates, the decision framework, the skill and the view as resources")
  void servesResources() {
    List<String> uris =
        new ArrayList<>(SkillResource.ALL.stream().map(SkillResource::uri).toList());
    uris.add(RolloutView.URI);
    assertThat(client.resourceUris()).containsExactlyInAnyOrderElementsOf(uris);
    for (SkillResource resource : SkillResource.ALL) {
      assertThat(client.readResource(resource.uri()))
          .as(resource.uri())
          .isEqualTo(TestFiles.read(TestFiles.project("skill/" + resource.file())));
    }
  }
}
