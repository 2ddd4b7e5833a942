package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.mcp.Operation.Outcome;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Operation")
class OperationTest {
  private static final String CANARY =
      """
      {"namespace":"task-api","gateway":"task-api-gateway","stableService":"task-api-stable",\
      "canaryService":"task-api-canary","port":8000,"canaryWeight":5}""";

  @Test
  @DisplayName("offers every tool of the catalog with its description and input schema")
  void mirrorsTheCatalog() {
    List<Operation> operations = Operation.all();

    assertThat(operations.stream().map(Operation::name))
        .containsExactlyElementsOf(ToolCatalog.TOOLS.stream().map(CoreTool::name).toList());
    for (Operation operation : operations) {
      CoreTool<?, ?> tool =
          ToolCatalog.TOOLS.stream()
              .filter(t -> t.name().equals(operation.name()))
              .findFirst()
              .orElseThrow();
      assertThat(operation.description()).isEqualTo(tool.description());
      assertThat(operation.inputSchema()).isEqualTo(ToolSchemas.input(tool));
      assertThat(operation.readOnly()).isTrue();
      assertThat(operation.destructive()).isFalse();
    }
  }

  @Test
  @DisplayName("a call returns the MCP tool's text and structured content")
  void callsTheCore() {
    Outcome outcome = canary().call(CANARY);

    assertThat(outcome.isError()).isFalse();
    assertThat(outcome.text()).startsWith("HTTPRoute task-api/task-api-canary");
    assertThat(outcome.structured()).containsEntry("route", "task-api/task-api-canary");
  }

  @Test
  @DisplayName("refusals name the argument, as the MCP tool's do")
  void refuses() {
    assertThat(canary().call(CANARY.replace("\"canaryWeight\":5", "\"canaryWeight\":150")))
        .isEqualTo(Outcome.error("canaryWeight: 150 is not a percentage (0 to 100)"));
    assertThat(canary().call(CANARY.replace("\"port\":8000,", "")).text())
        .isEqualTo("port: (missing) is required");
    assertThat(canary().call("{\"namespace\":").text()).startsWith("arguments: not a JSON object");
    assertThat(canary().call("").text()).endsWith("is required");
  }

  private static Operation canary() {
    return Operation.all().get(0);
  }
}
