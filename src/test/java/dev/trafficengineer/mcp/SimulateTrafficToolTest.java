package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SimulateTrafficToolTest {
  @Test
  @DisplayName("a route the API server rejects (backendRef) is refused, not answered with a 500")
  void refusesSchemaErrors() throws Exception {
    String yaml =
        Files.readString(Path.of("src/test/resources/cli/newcomer/backend-ref-typo.yaml"));
    Operation simulate =
        Operation.all().stream()
            .filter(o -> o.name().equals("simulate_traffic"))
            .findFirst()
            .orElseThrow();
    String arguments =
        Operation.RESULT_JSON.writeValueAsString(
            Map.of("yaml", yaml, "requests", List.of(Map.of("path", "/"))));

    Operation.Outcome outcome = simulate.call(arguments);

    assertThat(outcome.isError()).isTrue();
    assertThat(outcome.text())
        .startsWith("yaml: \"(line 10, /spec/rules/0/backendRef)\" Unknown field")
        .contains("[TE103]");
  }
}
