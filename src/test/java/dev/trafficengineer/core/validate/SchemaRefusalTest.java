package dev.trafficengineer.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.generate.RolloutPlanner;
import dev.trafficengineer.core.generate.RolloutRequest;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.rollback.Rollback;
import dev.trafficengineer.core.rollback.RollbackRequest;
import dev.trafficengineer.core.simulate.RequestSpec;
import dev.trafficengineer.core.simulate.SimulateRequest;
import dev.trafficengineer.core.simulate.Simulator;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operations that compute from a route refuse a route of the wrong shape (a string field
 * holding a mapping or a list, a number as a string, a list where a mapping belongs, no spec, an
 * empty list item) with its TE1xx code, path and line, instead of failing on it; the rollout plan,
 * which only reads the current route for warnings, still plans. Fixtures: {@code
 * src/test/resources/shapes}.
 */
class SchemaRefusalTest {

  static Stream<String> shapes() throws IOException {
    try (Stream<java.nio.file.Path> files = Files.list(TestFiles.resources().resolve("shapes"))) {
      return files.map(f -> f.getFileName().toString()).sorted().toList().stream();
    }
  }

  @DisplayName("simulate_traffic refuses it with a TE1xx code, path and line")
  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void simulateRefuses(String shape) {
    String yaml = TestFiles.read("shapes/" + shape);

    assertThatThrownBy(
            () ->
                Simulator.simulate(
                    new SimulateRequest(
                        yaml,
                        List.of(new RequestSpec("/", "GET", Map.of(), Map.of(), null)),
                        null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageMatching("(?s)yaml: \"\\(line \\d+, [^)]*\\)\".*\\[TE1\\d\\d\\].*");
  }

  @DisplayName("rollback_patch refuses it with a TE1xx code, path and line")
  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void rollbackRefuses(String shape) {
    String yaml = TestFiles.read("shapes/" + shape);

    assertThatThrownBy(() -> Rollback.compute(new RollbackRequest(yaml, null, null, null, null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageMatching("(?s)routeYaml: \"\\(line \\d+, [^)]*\\)\".*\\[TE1\\d\\d\\].*");
  }

  @DisplayName("plan_rollout reads the current route for warnings only, and still plans")
  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void planStillPlans(String shape) {
    String yaml = TestFiles.read("shapes/" + shape);
    RolloutRequest request =
        new RolloutRequest(
            "task-api",
            "task-api-gateway",
            "task-api-stable",
            "task-api-canary",
            8000,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            yaml);

    assertThatCode(() -> assertThat(RolloutPlanner.plan(request).stages()).isNotEmpty())
        .doesNotThrowAnyException();
  }
}
