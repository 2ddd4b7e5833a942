package dev.trafficengineer.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.trafficengineer.core.TestFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;

/**
 * The GRPCRoute precedence table: {@code precedence/grpc/<name>.routes.yaml} with {@code
 * <name>.cases.json}, each case's expected answer written from the step of GRPCRouteRule.Matches
 * (apis/v1/grpcroute_types.go, v1.6.1) its {@code spec} field cites; requests are gRPC calls.
 */
@DisplayName("GRPCRoute precedence scenarios from the spec")
class GrpcPrecedenceScenarioTest {
  record Case(
      String name,
      String spec,
      RequestSpec request,
      String route,
      Integer rule,
      Integer match,
      int status,
      Map<String, Double> backends) {}

  static Stream<Arguments> cases() {
    List<Arguments> all = new ArrayList<>();
    for (Path file : caseFiles()) {
      String base = file.getFileName().toString().replace(".cases.json", "");
      String routes = TestFiles.read("precedence/grpc/" + base + ".routes.yaml");
      List<Map<String, Object>> raw =
          TestFiles.JSON.readValue(TestFiles.read(file), new TypeReference<>() {});
      for (Map<String, Object> entry : raw) {
        Case scenario = TestFiles.JSON.convertValue(renamed(entry), Case.class);
        all.add(Arguments.of(base + ": " + scenario.name(), routes, scenario));
      }
    }
    return all.stream();
  }

  private static Map<String, Object> renamed(Map<String, Object> entry) {
    Map<String, Object> copy = new LinkedHashMap<>(entry);
    copy.put("name", copy.remove("case"));
    return copy;
  }

  private static List<Path> caseFiles() {
    try (Stream<Path> files = Files.list(TestFiles.path("precedence/grpc"))) {
      return files.filter(f -> f.toString().endsWith(".cases.json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  @DisplayName("the table holds at least 12 scenarios")
  void enough() {
    assertThat(cases().count()).isGreaterThanOrEqualTo(12);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void scenario(String label, String routes, Case scenario) {
    SimulateResult result =
        Simulator.simulate(new SimulateRequest(routes, List.of(scenario.request()), null));

    RequestResult only = result.results().get(0);
    String why = scenario.spec() + "\nreasons: " + String.join("\n  ", only.reasons());
    assertThat(only.status()).as(why).isEqualTo(scenario.status());
    assertThat(only.route()).as(why).isEqualTo(scenario.route());
    assertThat(only.rule()).as(why).isEqualTo(scenario.rule());
    if (scenario.match() != null) {
      assertThat(only.match()).as(why).isEqualTo(scenario.match());
    }
    Map<String, Double> shares = new LinkedHashMap<>();
    only.backends().forEach(b -> shares.put(b.name(), b.share()));
    assertThat(shares.keySet()).as(why).isEqualTo(scenario.backends().keySet());
    scenario
        .backends()
        .forEach(
            (name, share) -> assertThat(shares.get(name)).as(why).isCloseTo(share, within(1e-12)));
    assertThat(only.reasons()).isNotEmpty();
  }
}
