package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.generate.RolloutPlanner;
import dev.trafficengineer.core.generate.RolloutRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The rollout view as an MCP client sees it over stdio, with and without the Apps extension. */
@DisplayName("rollout view (MCP App) over stdio")
class RolloutViewTest {
  private static ViewClient withViews;
  private static ViewClient withoutViews;

  @BeforeAll
  static void connect() {
    withViews = ViewClient.stdio(true);
    withoutViews = ViewClient.stdio(false);
  }

  @AfterAll
  static void close() {
    withViews.close();
    withoutViews.close();
  }

  private static String arguments(String name) {
    return TestFiles.read("view/" + name + ".arguments.json");
  }

  @Test
  @DisplayName("the five tools link the view; draw_route is for the view only")
  void links() {
    Map<String, Tool> tools = new HashMap<>();
    withViews.client.listTools().tools().forEach(tool -> tools.put(tool.name(), tool));

    for (String linked : RolloutView.LINKED) {
      assertThat(tools.get(linked).meta())
          .isEqualTo(
              Map.of("ui", Map.of("resourceUri", "ui://traffic-engineer/rollout-view.html")));
    }
    assertThat(tools.get("draw_route").meta())
        .isEqualTo(
            Map.of(
                "ui",
                Map.of(
                    "resourceUri",
                    "ui://traffic-engineer/rollout-view.html",
                    "visibility",
                    List.of("app"))));
    assertThat(tools.get("generate_canary").meta()).isNull();
  }

  @Test
  @DisplayName("the view is one self-contained HTML file with a CSP that allows nothing external")
  void resource() {
    TextResourceContents view = withViews.readView();

    assertThat(view.mimeType()).isEqualTo("text/html;profile=mcp-app");
    assertThat(view.meta())
        .isEqualTo(
            Map.of(
                "ui",
                Map.of(
                    "csp",
                    Map.of("connectDomains", List.of(), "resourceDomains", List.of()),
                    "prefersBorder",
                    true)));
    String html = view.text();
    assertThat(html).startsWith("<!doctype html>").contains("<script>", "<style>");
    assertThat(html)
        .doesNotContainPattern("<script[^>]+src=")
        .doesNotContainPattern("<link[^>]+href=")
        .doesNotContainPattern("@import")
        .doesNotContainPattern("url\\(\\s*['\"]?https?:");
  }

  @Test
  @DisplayName("a client without the extension gets today's text, byte for byte")
  void plainClientTextUnchanged() {
    CallToolResult result = withoutViews.call("plan_rollout", arguments("plan-lesson"));

    RolloutRequest request =
        ViewClient.JSON.readValue(arguments("plan-lesson"), RolloutRequest.class);
    String expected = new PlanRolloutTool().text(RolloutPlanner.plan(request));
    assertThat(((TextContent) result.content().get(0)).text()).isEqualTo(expected);
  }

  @Test
  @DisplayName("a client that shows the view gets a short text and the whole structured result")
  void viewClientShortText() {
    CallToolResult shown = withViews.call("plan_rollout", arguments("plan-lesson"));
    CallToolResult plain = withoutViews.call("plan_rollout", arguments("plan-lesson"));

    String text = ((TextContent) shown.content().get(0)).text();
    assertThat(text.lines().count()).isLessThanOrEqualTo(25);
    assertThat(text)
        .endsWith("the rollout view shows the whole result, and structuredContent holds it.\n");
    assertThat(shown.structuredContent()).isEqualTo(plain.structuredContent());
  }

  @Test
  @DisplayName("draw_route answers with the picture; a split is tried without touching anything")
  void drawRoute() {
    String yaml = TestFiles.read("golden/lesson-combined.yaml");
    String arguments =
        ViewClient.JSON.writeValueAsString(
            Map.of("yaml", yaml, "split", Map.of("task-api-stable", 75, "task-api-canary", 25)));

    CallToolResult result = withViews.call("draw_route", arguments);

    JsonNode picture = ViewClient.JSON.valueToTree(result.structuredContent());
    assertThat(result.isError()).isFalse();
    assertThat(picture.at("/pictures/0/rules/0/shares/0/percent").asString()).isEqualTo("100%");
    assertThat(picture.at("/pictures/0/rules/1/shares/1").toString())
        .isEqualTo(
            "{\"backend\":\"task-api/task-api-canary:8000\",\"weight\":25,\"percent\":\"25%\"}");
    assertThat(picture.at("/svg").asString()).startsWith("<?xml");
  }
}
