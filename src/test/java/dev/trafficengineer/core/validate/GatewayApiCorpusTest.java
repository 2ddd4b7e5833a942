package dev.trafficengineer.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Gateway API project's own HTTPRoutes (see ../shared/gateway-api-corpus/README.md): the API
 * server accepts every route in valid/ and rejects every route in invalid/, and so must we.
 */
class GatewayApiCorpusTest {

  private static final Path CORPUS = Path.of("..", "shared", "gateway-api-corpus");

  static Stream<Arguments> valid() throws IOException {
    return files("valid");
  }

  static Stream<Arguments> invalid() throws IOException {
    return files("invalid");
  }

  @DisplayName("the API server accepts it, so no TE1xx finding")
  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void acceptedRoutesHaveNoSchemaFindings(String name, Path file) throws IOException {
    List<Finding> findings = validate(file);

    assertThat(findings).filteredOn(f -> f.code().startsWith("TE1")).isEmpty();
  }

  @DisplayName("the API server rejects it, so at least one TE1xx error")
  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejectedRoutesHaveASchemaError(String name, Path file) throws IOException {
    List<Finding> findings = validate(file);

    assertThat(findings)
        .anySatisfy(
            f -> {
              assertThat(f.code()).startsWith("TE1");
              assertThat(f.severity()).isEqualTo(Finding.ERROR);
            });
  }

  private static List<Finding> validate(Path file) throws IOException {
    String yaml = Files.readString(file, StandardCharsets.UTF_8);
    return RouteValidator.validate(new ValidateRequest(yaml, null)).findings();
  }

  private static Stream<Arguments> files(String folder) throws IOException {
    Path dir = CORPUS.resolve(folder);
    assumeTrue(
        Files.isDirectory(dir),
        "the peer corpus " + dir.toAbsolutePath().normalize() + " is absent; skipping");
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.toString().endsWith(".yaml"))
          .sorted()
          .map(f -> Arguments.of(f.getFileName().toString(), f))
          .toList()
          .stream();
    }
  }
}
