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
 * Requests through whole configurations (the bundles under {@code src/test/resources/gateway}, or
 * under {@code gateway-simulation} when the bundle is named with its folder): the listener that
 * takes each one, the routes that compete there, and the share of each outcome. HTTP requests in
 * {@code gateway-simulation/cases.json}; gRPC calls, and HTTP requests beside GRPCRoutes, in {@code
 * gateway-simulation/grpc-cases.json}, each citing the spec text that decides it.
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
      String refused,
      String spec,
      String reason) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return read("cases.json").stream();
  }

  static Stream<Case> grpcCases() {
    return read("grpc-cases.json").stream();
  }

  private static List<Case> read(String file) {
    return JSON.readValue(text("/gateway-simulation/" + file), new TypeReference<List<Case>>() {});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("grpcCases")
  void answersGrpcCallsAsTheGatewayWould(Case c) {
    assertThat(c.spec()).as("the spec text that decides the case").isNotBlank();
    answersAsTheGatewayWould(c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersAsTheGatewayWould(Case c) {
    SimulateRequest request =
        new SimulateRequest(
            text((c.bundle().contains("/") ? "/" : "/gateway/") + c.bundle() + ".yaml"),
            List.of(c.request()),
            null);
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
    if (c.reason() != null) {
      assertThat(result.reasons()).anySatisfy(r -> assertThat(r).contains(c.reason()));
    }
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
