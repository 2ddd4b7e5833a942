package dev.trafficengineer.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.trafficengineer.mcp.Operation.Outcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TracedTool")
class TracedToolTest {
  private final List<String> calls = new ArrayList<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  @DisplayName("a tool runs without a question; the trace shows call and summary")
  void tracesReadOnly() {
    ToolExecutionResult result = call(tool(true), "");

    assertThat(calls).hasSize(1);
    assertThat(result.resultText()).isEqualTo("patched\nline 2\nline 3");
    assertThat(err())
        .isEqualTo(
            "  [tool] patch_route name=task-api-canary\n"
                + "  [tool] patch_route -> patched (3 lines)\n");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  @DisplayName("long arguments and results are abbreviated on the terminal, not for the model")
  void abbreviates() {
    String longLine = "x".repeat(300);

    assertThat(TracedTool.summary(longLine)).hasSize(120).endsWith("...");
    assertThat(TracedTool.shown("{\"routeYaml\":\"" + longLine + "\",\"canaryWeight\":5}"))
        .isEqualTo("routeYaml=" + "x".repeat(57) + "... canaryWeight=5");
    assertThat(TracedTool.shown("not json\n at all")).isEqualTo("not json at all");
    assertThat(TracedTool.summary("refused\n")).isEqualTo("refused");
  }

  private ChatTool tool(boolean readOnly) {
    return new ChatTool(
        "patch_route",
        "Patches a route.",
        "{\"type\":\"object\"}",
        readOnly,
        arguments -> {
          calls.add(arguments);
          return new Outcome("patched\nline 2\nline 3", null, false);
        });
  }

  private ToolExecutionResult call(ChatTool tool, String typed) {
    Terminal terminal =
        new Terminal(
            new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    ToolExecutionRequest request =
        ToolExecutionRequest.builder()
            .id("call_1")
            .name(tool.name())
            .arguments("{\"name\":\"task-api-canary\"}")
            .build();
    return new TracedTool(tool, terminal).executeWithContext(request, null);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
