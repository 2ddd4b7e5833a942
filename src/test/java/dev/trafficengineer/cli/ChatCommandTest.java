package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.chat.OpenAiStub;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@DisplayName("traffic-engineer chat")
class ChatCommandTest {
  private static final String ASK =
      "canary task-api-canary at 5% in namespace task-api behind task-api-gateway, port 8000\n";

  @Nested
  @DisplayName("against an OpenAI-compatible model server")
  class Loop {
    @Test
    @DisplayName(
        "message -> the model calls generate_canary -> our tool runs -> its YAML goes back ->"
            + " the answer is printed")
    void runsTheFullLoop() throws Exception {
      try (OpenAiStub model = OpenAiStub.answering("canary-tool-call.json", "canary-answer.json")) {
        CliRun run = chat(model, ASK + "/exit\n");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
            .isEqualTo(
                "Here is the canary route: 5% to task-api-canary, 95% to task-api-stable. Run the"
                    + " server-side dry run first: kubectl apply --dry-run=server -f"
                    + " task-api-canary.yaml\n\n");
        assertThat(run.err())
            .contains(
                "  [tool] generate_canary name=task-api-canary namespace=task-api"
                    + " gateway=task-api-gateway stableService=task-api-stable"
                    + " canaryService=task-api-canary port=8000 canaryWeight=5 pathPrefix=/api/\n",
                "  [tool] generate_canary -> HTTPRoute task-api/task-api-canary");

        List<JsonNode> requests = model.requests();
        assertThat(requests).hasSize(2);
        JsonNode first = requests.get(0);
        assertThat(first.path("model").asString()).isEqualTo("stub-model");
        assertThat(message(first, 0, "system")).contains("Rollback at 3 AM", "generate_canary");
        assertThat(message(first, 1, "user")).isEqualTo(ASK.strip());

        JsonNode toolResult = last(requests.get(1));
        assertThat(toolResult.path("role").asString()).isEqualTo("tool");
        assertThat(toolResult.path("tool_call_id").asString()).isEqualTo("call_1");
        assertThat(toolResult.path("content").asString())
            .contains("kind: HTTPRoute", "name: task-api-stable", "weight: 95", "weight: 5");
      }
    }

    @Test
    @DisplayName("a refused argument reaches the model as an error it corrects")
    void refusalReachesTheModel() throws Exception {
      try (OpenAiStub model =
          OpenAiStub.answering(
              "refused-tool-call.json", "corrected-tool-call.json", "corrected-answer.json")) {
        CliRun run = chat(model, ASK);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("150% is not a share of traffic, so I used 15%");
        assertThat(run.err())
            .contains(
                "canaryWeight=150",
                "  [tool] generate_canary refused: canaryWeight: 150 is not a percentage (0 to"
                    + " 100)");

        List<JsonNode> requests = model.requests();
        assertThat(requests).hasSize(3);
        assertThat(last(requests.get(1)).path("content").asString())
            .isEqualTo("canaryWeight: 150 is not a percentage (0 to 100)");
        assertThat(last(requests.get(2)).path("content").asString()).contains("weight: 15");
      }
    }

    @Test
    @DisplayName("offers every read-only tool with its schema as the MCP server declares it")
    void offersTheSameTools() throws Exception {
      try (OpenAiStub model = OpenAiStub.answering("canary-answer.json")) {
        CliRun run = chat(model, "fill in {{ placeholders }}\n");

        JsonNode tools = model.requests().get(0).path("tools");
        assertThat(tools.valueStream().map(tool -> tool.path("function").path("name").asString()))
            .containsExactly(
                "generate_canary",
                "generate_blue_green",
                "generate_ab_test",
                "add_premium_rule",
                "plan_rollout",
                "rollback_patch",
                "decision_framework",
                "validate_route",
                "simulate_traffic",
                "compare_routes",
                "monitoring_queries",
                "analyze_canary");
        JsonNode canary = tools.get(0).path("function").path("parameters");
        assertThat(canary.path("required").valueStream().map(JsonNode::asString))
            .contains("namespace", "canaryWeight");
        assertThat(canary.path("properties").path("canaryWeight").path("maximum").asInt())
            .isEqualTo(1_000_000);
      }
    }

    @Test
    @DisplayName("a failed model call names the URL, the session goes on, and ends with exit 2")
    void survivesAFailedCall() throws Exception {
      try (OpenAiStub model = OpenAiStub.answering()) {
        CliRun run = chat(model, "hello\nagain\n");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(
                run.err()
                    .lines()
                    .filter(
                        line ->
                            line.contains(
                                "error: the model call to " + model.baseUrl() + " failed: ")))
            .hasSize(2);
        assertThat(model.requests()).as("no retries").hasSize(2);
      }
    }

    @Test
    @DisplayName("a model server that is not running is named, with the reason, exit 2")
    void unreachableServer() throws Exception {
      String url;
      try (OpenAiStub closed = OpenAiStub.answering()) {
        url = closed.baseUrl();
      }

      CliRun run =
          CliRun.withInput(
              "hello\n".getBytes(StandardCharsets.UTF_8),
              "chat",
              "--base-url",
              url,
              "--model",
              "qwen2.5",
              "--timeout",
              "5");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err())
          .contains(
              "error: the model call to "
                  + url
                  + " failed: connection refused (is the model server running?)");
    }
  }

  @Nested
  @DisplayName("without a configured model")
  class Unconfigured {
    @Test
    @DisplayName("says what to set and exits 2")
    void namesWhatToSet() {
      CliRun run = CliRun.of("chat", "--api-key-env", "TE_TEST_UNSET_KEY");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err())
          .startsWith("error: chat needs a model, and an API key or --base-url. Set:\n")
          .contains("--model NAME", "--base-url URL", "TE_TEST_UNSET_KEY")
          .contains(
              "Example: traffic-engineer chat --base-url http://localhost:11434/v1 --model"
                  + " qwen2.5");
    }

    @Test
    @DisplayName("a model without a key or --base-url says that, not that a model is missing")
    void modelWithoutKey() {
      CliRun run = CliRun.of("chat", "--model", "gpt-4.1", "--api-key-env", "TE_TEST_UNSET_KEY");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err())
          .startsWith("error: chat needs an API key or --base-url. Set:\n")
          .contains("--base-url URL", "TE_TEST_UNSET_KEY")
          .doesNotContain("--model NAME");
    }

    @Test
    @DisplayName("Anthropic needs its key even with a model named")
    void anthropicNeedsAKey() {
      CliRun run =
          CliRun.of(
              "chat",
              "--provider",
              "anthropic",
              "--model",
              "claude-sonnet-4-5",
              "--api-key-env",
              "TE_TEST_UNSET_KEY");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err())
          .contains("TE_TEST_UNSET_KEY", "https://api.anthropic.com")
          .doesNotContain("--model NAME");
    }
  }

  @Test
  @DisplayName("a timeout under a second is a usage error")
  void refusesZeroTimeout() {
    CliRun run = CliRun.of("chat", "--model", "qwen2.5", "--timeout", "0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "error: --timeout must be at least 1 second; try 'traffic-engineer chat --help'\n");
  }

  private static CliRun chat(OpenAiStub model, String typed) {
    return CliRun.withInput(
        typed.getBytes(StandardCharsets.UTF_8),
        "chat",
        "--base-url",
        model.baseUrl(),
        "--model",
        "stub-model");
  }

  private static String message(JsonNode request, int index, String role) {
    JsonNode message = request.path("messages").get(index);
    assertThat(message.path("role").asString()).isEqualTo(role);
    return message.path("content").asString();
  }

  private static JsonNode last(JsonNode request) {
    JsonNode messages = request.path("messages");
    return messages.get(messages.size() - 1);
  }
}
