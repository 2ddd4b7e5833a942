package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.mcp.http.McpHttpServer;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The rollout view rendered by headless chromium inside a host page that speaks MCP Apps with
 * ext-apps' AppBridge, fed a real tools/call result over stdio and over Streamable HTTP. Asserts on
 * what the view shows; screenshots stay in target/view-test.
 */
@DisplayName("rollout view in a real browser")
class RolloutViewBrowserTest {

  @BeforeAll
  static void browser() throws Exception {
    Assumptions.assumeTrue(
        BrowserHost.chromium().isPresent(),
        "no chromium on the PATH: install Debian's chromium (.ci/run does) to run the browser"
            + " tests of the rollout view");
    BrowserHost.buildHostPage();
  }

  private static String arguments(String name) {
    return TestFiles.read("view/" + name + ".arguments.json");
  }

  private static List<String> texts(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }

  @Test
  @DisplayName("stdio: the lesson's combined route, premium rule first, exact shares")
  void combinedOverStdio() throws Exception {
    try (ViewClient client = ViewClient.stdio(true)) {
      CallToolResult result = client.call("simulate_traffic", arguments("simulate-combined"));
      try (BrowserHost host =
          new BrowserHost(
              client, client.readView().text(), arguments("simulate-combined"), result)) {
        JsonNode shown = host.render("");

        assertThat(shown.path("failure").isMissingNode()).as(shown.toString()).isTrue();
        assertThat(shown.path("title").asString()).isEqualTo("Simulated traffic");
        List<String> rules = texts(shown.path("rules"));
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0))
            .contains("rule 0", "x-api-tier: premium", "task-api/task-api-stable:8000 100%");
        assertThat(rules.get(1))
            .contains(
                "rule 1", "task-api/task-api-stable:8000 90%", "task-api/task-api-canary:8000 10%");
        assertThat(texts(shown.path("svgText")))
            .containsSubsequence(
                "GET /api/tasks with x-api-tier:",
                "premium",
                "-> #1 rule 0, 200",
                "GET /healthz",
                "-> 404: no rule matches");
        assertPng(host.screenshot("lesson-combined"));
      }
    }
  }

  @Test
  @DisplayName("HTTP: a shadowed rule is greyed with its reason and its finding beside it")
  void shadowedOverHttp() throws Exception {
    try (McpHttpServer server = LocalHttpServer.start(false);
        ViewClient client = ViewClient.http(server.endpoint(), true)) {
      CallToolResult result = client.call("validate_route", arguments("validate-shadowed"));
      try (BrowserHost host =
          new BrowserHost(
              client, client.readView().text(), arguments("validate-shadowed"), result)) {
        JsonNode shown = host.render("");

        assertThat(shown.path("failure").isMissingNode()).as(shown.toString()).isTrue();
        assertThat(shown.path("verdict").asString()).startsWith("Valid");
        List<String> rules = texts(shown.path("rules"));
        assertThat(rules.get(0)).contains("rule 0", "task-api/task-api-stable:8000 100%");
        assertThat(rules.get(1))
            .contains("rule 1", "SHADOWED: rule 1 can never be reached", "TE301 warning");
        assertPng(host.screenshot("shadowed-rule"));
      }
    }
  }

  @Test
  @DisplayName("stdio: the plan's stages with guarded commands; the slider re-simulates")
  void planAndSliderOverStdio() throws Exception {
    try (ViewClient client = ViewClient.stdio(true)) {
      CallToolResult result = client.call("plan_rollout", arguments("plan-lesson"));
      try (BrowserHost host =
          new BrowserHost(client, client.readView().text(), arguments("plan-lesson"), result)) {
        JsonNode first = host.render("");
        JsonNode slid = host.render("?slide=25");

        assertThat(first.path("failure").isMissingNode()).as(first.toString()).isTrue();
        assertThat(texts(first.path("rules")).get(1))
            .contains("task-api/task-api-stable:8000 95%", "task-api/task-api-canary:8000 5%");
        assertThat(texts(first.path("commands")))
            .anyMatch(command -> command.startsWith("kubectl patch httproute task-api-canary"));
        assertThat(texts(first.path("notes")))
            .anyMatch(note -> note.startsWith("Protected: every request with x-api-tier"));
        assertThat(slid.path("failure").isMissingNode()).as(slid.toString()).isTrue();
        assertThat(texts(slid.path("rules")).get(1))
            .contains("task-api/task-api-stable:8000 75%", "task-api/task-api-canary:8000 25%");
        assertThat(texts(slid.path("rules")).get(0))
            .contains("task-api/task-api-stable:8000 100%", "PROTECTED");
        assertPng(host.screenshot("lesson-plan"));
      }
    }
  }

  private static void assertPng(Path png) throws Exception {
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes.length).isGreaterThan(10_000);
    assertThat(new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("PNG");
  }
}
