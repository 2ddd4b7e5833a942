package dev.trafficengineer.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficengineer.core.input.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests through whole configurations (the bundles under {@code src/test/resources/gateway}): the
 * listener that takes each one, the routes that compete there, and the share of each outcome. Cases
 * in {@code gateway-simulation/cases.json}.
 */
class GatewaySimulationTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  record Case(
      String name,
      String bundle,
      RequestSpec request,
      Integer status,
      String route,
      Integer rule,
      String listener,
      Map<String, Double> statusShares,
      String refused) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return JSON
        .readValue(text("/gateway-simulation/cases.json"), new TypeReference<List<Case>>() {})
        .stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersAsTheGatewayWould(Case c) {
    SimulateRequest request =
        new SimulateRequest(text("/gateway/" + c.bundle() + ".yaml"), List.of(c.request()), null);
    if (c.refused() != null) {
      assertThatThrownBy(() -> Simulator.simulate(request))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining(c.refused());
      return;
    }

    RequestResult result = Simulator.simulate(request).results().get(0);

    assertThat(result.status()).as("status").isEqualTo(c.status());
    assertThat(result.route()).as("route").isEqualTo(c.route());
    assertThat(result.rule()).as("rule").isEqualTo(c.rule());
    assertThat(result.listener()).as("listener").isEqualTo(c.listener());
    assertThat(result.statusShares()).as("outcomes").isEqualTo(c.statusShares());
    assertThat(result.reasons()).isNotEmpty();
  }

  private static String text(String resource) {
    try (InputStream in =
        Objects.requireNonNull(GatewaySimulationTest.class.getResourceAsStream(resource))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
