package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("stdio server, spoken to line by line")
class RawProtocolTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  @DisplayName(
      "stdout carries only JSON-RPC messages, even with debug logging on; logs go to stderr")
  void stdoutIsOnlyProtocol() throws Exception {
    try (JsonRpcSession session =
        new JsonRpcSession("-Dorg.slf4j.simpleLogger.defaultLogLevel=debug")) {
      JsonNode initialized = session.initialize();
      JsonNode list = session.request(1, "tools/list", "{}");
      JsonNode refused =
          session.request(
              2,
              "tools/call",
              """
              {"name": "generate_canary", "arguments": {"namespace": "task-api",
               "gateway": "task-api-gateway", "stableService": "task-api-stable",
               "canaryService": "task-api-canary", "port": 8080, "canaryWeight": 150}}""");
      JsonNode served =
          session.request(
              3,
              "tools/call",
              """
              {"name": "generate_canary", "arguments": {"namespace": "task-api",
               "gateway": "task-api-gateway", "stableService": "task-api-stable",
               "canaryService": "task-api-canary", "port": 8080, "canaryWeight": 5}}""");
      int exit = session.closeAndWait();

      assertThat(initialized.at("/result/serverInfo/name").asString())
          .isEqualTo("traffic-engineer");
      assertThat(initialized.at("/result/serverInfo/version").asString())
          .isNotBlank()
          .doesNotContain("${");
      assertThat(initialized.at("/result/instructions").asString()).contains("generate_canary");
      assertThat(list.at("/result/tools").size()).isEqualTo(ToolSelection.offline().names().size());
      assertThat(refused.at("/result/isError").asBoolean()).isTrue();
      assertThat(refused.at("/result/content/0/text").asString()).contains("canaryWeight");
      assertThat(refused.has("error"))
          .as("a refusal is a tool result, not a JSON-RPC error")
          .isFalse();
      assertThat(served.at("/result/isError").asBoolean()).isFalse();
      assertThat(served.at("/result/structuredContent/yaml").asString()).contains("HTTPRoute");
      assertThat(served.at("/result/content/0/text").asString())
          .startsWith("HTTPRoute task-api/task-api-canary")
          .contains("kubectl apply --dry-run=server");
      assertThat(session.stdoutLines())
          .isNotEmpty()
          .allSatisfy(
              line ->
                  assertThat(JSON.readTree(line).path("jsonrpc").asString())
                      .as(line)
                      .isEqualTo("2.0"));
      assertThat(session.stderr()).contains("DEBUG");
      assertThat(exit).as("exit code after stdin closed").isZero();
    }
  }

  @Test
  @DisplayName("a line that is not JSON-RPC gets an error answer, and the server keeps serving")
  void survivesGarbage() throws Exception {
    try (JsonRpcSession session = new JsonRpcSession()) {
      session.initialize();
      session.send("this is not json");
      JsonNode list = session.request(1, "tools/list", "{}");
      int exit = session.closeAndWait();

      assertThat(session.stdoutLines())
          .anySatisfy(line -> assertThat(line).contains("\"code\":-32700"));
      assertThat(list.at("/result/tools").size()).isEqualTo(ToolSelection.offline().names().size());
      assertThat(exit).isZero();
    }
  }

  @Test
  @DisplayName("answers every request even when stdin closes right after them, as a pipe does")
  void answersBeforeExiting() throws Exception {
    try (JsonRpcSession session = new JsonRpcSession()) {
      session.send(
          """
          {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": \
          "2025-06-18", "capabilities": {}, "clientInfo": {"name": "pipe", "version": "1"}}}""");
      session.send("{\"jsonrpc\": \"2.0\", \"method\": \"notifications/initialized\"}");
      session.send(
          """
          {"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": \
          "decision_framework", "arguments": {"instantSwitch": true}}}""");
      session.send("{\"jsonrpc\": \"2.0\", \"id\": 3, \"method\": \"tools/list\"}");
      int exit = session.closeAndWait();

      assertThat(session.stdoutLines())
          .extracting(line -> JSON.readTree(line).path("id").asInt())
          .containsExactlyInAnyOrder(1, 2, 3);
      assertThat(exit).isZero();
    }
  }

  /**
   * Requests read from a file, all at once, their answers computed at the same moment on different
   * worker threads and written by each. Through bin/traffic-engineer the SDK's own stdio transport
   * answered a few dozen of these 2,000 and then none ("signaled serially": its outbound sink
   * refused concurrent emissions); this keeps the answers from being lost again.
   */
  @Test
  @DisplayName("answers two thousand requests read at once from a file, none lost")
  void answersPipelinedRequests(@TempDir Path directory) throws Exception {
    int calls = 2000;
    List<Integer> ids = new ArrayList<>(List.of(0));
    StringBuilder requests =
        new StringBuilder(
            """
            {"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"protocolVersion": \
            "2025-06-18", "capabilities": {}, "clientInfo": {"name": "file", "version": "1"}}}
            {"jsonrpc": "2.0", "method": "notifications/initialized"}
            """);
    for (int id = 10; id < 10 + calls; id++) {
      requests
          .append("{\"jsonrpc\": \"2.0\", \"id\": ")
          .append(id)
          .append(", \"method\": \"tools/call\", \"params\": {\"name\": \"decision_framework\",")
          .append(" \"arguments\": {\"instantSwitch\": true}}}\n");
      ids.add(id);
    }
    Path input = Files.writeString(directory.resolve("requests.jsonl"), requests);
    Path output = directory.resolve("answers.jsonl");

    // The launcher's JVM options.
    Process server =
        new ProcessBuilder(ServerProcess.command("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"))
            .redirectInput(input.toFile())
            .redirectOutput(output.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(server.waitFor(2, TimeUnit.MINUTES)).isTrue();

    assertThat(Files.readAllLines(output))
        .extracting(line -> JSON.readTree(line).path("id").asInt())
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(server.exitValue()).isZero();
  }
}
