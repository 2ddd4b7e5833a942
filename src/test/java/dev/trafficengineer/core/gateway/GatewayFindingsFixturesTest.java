package dev.trafficengineer.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.trafficengineer.core.validate.Finding;
import dev.trafficengineer.core.validate.RouteValidator;
import dev.trafficengineer.core.validate.ValidateRequest;
import dev.trafficengineer.core.validate.ValidationResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bundles under {@code src/test/resources/gateway}: routes with the Gateways, ReferenceGrants,
 * Services, EndpointSlices and status around them. Each {@code NAME.yaml} must yield exactly the
 * findings of {@code NAME.findings.json}, compared by code, severity, path, line and impact.
 */
class GatewayFindingsFixturesTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Expected(String code, String severity, String path, int line, Double impact) {}

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(folder())) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(name -> name.endsWith(".yaml"))
          .map(name -> name.substring(0, name.length() - ".yaml".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void yieldsExactlyTheExpectedFindings(String name) throws IOException {
    ValidationResult result = validate(name);

    List<Expected> actual =
        result.findings().stream()
            .map(f -> new Expected(f.code(), f.severity(), f.path(), f.line(), f.impact()))
            .toList();
    assertThat(actual)
        .as(JSON.writeValueAsString(actual))
        .containsExactlyInAnyOrderElementsOf(expected(name));
    assertThat(result.context()).as("context summary").isNotNull();
    assertThat(result.findings())
        .allSatisfy(
            f -> {
              assertThat(f.message()).isNotBlank();
              assertThat(f.fix()).isNotBlank();
            });
  }

  @Test
  void everyCrossResourceCodeHasABundle() throws IOException {
    Set<String> codes = new TreeSet<>();
    for (String name : cases().toList()) {
      expected(name).forEach(e -> codes.add(e.code()));
    }
    assertThat(codes)
        .contains("TE501", "TE502", "TE503", "TE504", "TE505", "TE506", "TE507", "TE508", "TE509");
  }

  @Test
  void theCleanMultiTeamBundleCountsWhatItSkipped() throws IOException {
    ValidationResult result = validate("clean-multi-team");

    assertThat(result.valid()).isTrue();
    assertThat(result.context().gateways()).isEqualTo(1);
    assertThat(result.context().referenceGrants()).isEqualTo(1);
    assertThat(result.context().services()).isEqualTo(3);
    assertThat(result.context().endpointSlices()).isEqualTo(3);
    assertThat(result.context().namespaces()).isEqualTo(3);
    assertThat(result.context().skipped()).isEqualTo(1);
    assertThat(result.context().notes()).isEmpty();
  }

  @Test
  void withoutAGatewayOrGrantNothingChanges() throws IOException {
    String routeAndService =
        Files.readString(folder().resolve("te505-missing-service.yaml"), StandardCharsets.UTF_8)
            .replaceFirst(
                "(?s)apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway.*?---\n", "");

    ValidationResult result = RouteValidator.validate(new ValidateRequest(routeAndService, null));

    assertThat(result.context()).isNull();
    assertThat(result.findings()).extracting(Finding::code).containsOnly("TE102");
  }

  private static ValidationResult validate(String name) throws IOException {
    String yaml = Files.readString(folder().resolve(name + ".yaml"), StandardCharsets.UTF_8);
    return RouteValidator.validate(new ValidateRequest(yaml, null));
  }

  private static List<Expected> expected(String name) throws IOException {
    return JSON.readValue(
        folder().resolve(name + ".findings.json").toFile(), new TypeReference<List<Expected>>() {});
  }

  static Path folder() {
    try {
      return Path.of(GatewayFindingsFixturesTest.class.getResource("/gateway").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
