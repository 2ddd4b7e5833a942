package dev.trafficengineer.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.validate.Finding;
import dev.trafficengineer.core.validate.RouteValidator;
import dev.trafficengineer.core.validate.ValidateRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * TE505 for a Service port over every port: te505-service-port.yaml's canary Service has ports 80
 * and 9090, and its backendRef, at 25% of the traffic, names the port drawn.
 */
class ServicePortPropertiesTest {
  private static final String BUNDLE = bundle();

  @Property(tries = 80)
  void portFindingExactlyWhenTheServiceLacksThePort(
      @ForAll @IntRange(min = 1, max = 65535) int port) {
    String yaml =
        BUNDLE.replace(
            "port: 8080\n          weight: 25", "port: " + port + "\n          weight: 25");

    var findings =
        RouteValidator.validate(new ValidateRequest(yaml, null)).findings().stream()
            .filter(f -> f.code().equals("TE505"))
            .toList();

    if (port == 80 || port == 9090) {
      assertThat(findings).isEmpty();
    } else {
      assertThat(findings)
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.path()).isEqualTo("/1/spec/rules/0/backendRefs/1/port");
                assertThat(f.impact()).isEqualTo(0.25);
                assertThat(f.severity()).isEqualTo(Finding.ERROR);
                assertThat(f.message()).contains("has no port " + port);
              });
    }
  }

  private static String bundle() {
    try {
      return Files.readString(
          GatewayFindingsFixturesTest.folder().resolve("te505-service-port.yaml"),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
