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
 * The Gateway API project's own GRPCRoutes (../shared/gateway-api-corpus/grpc-valid, v1.6.1
 * standard channel): the API server accepts every one, so the validator must report no TE1xx.
 */
class GrpcRouteCorpusTest {

  private static final Path CORPUS = Path.of("..", "shared", "gateway-api-corpus", "grpc-valid");

  static Stream<Arguments> accepted() throws IOException {
    assumeTrue(
        Files.isDirectory(CORPUS),
        "the peer corpus " + CORPUS.toAbsolutePath().normalize() + " is absent; skipping");
    try (Stream<Path> files = Files.list(CORPUS)) {
      List<Arguments> cases =
          files
              .filter(f -> f.toString().endsWith(".yaml"))
              .sorted()
              .map(f -> Arguments.of(f.getFileName().toString(), f))
              .toList();
      assertThat(cases).as("GRPCRoutes in the corpus").hasSizeGreaterThanOrEqualTo(15);
      return cases.stream();
    }
  }

  @DisplayName("the API server accepts it, so no TE1xx finding")
  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void acceptedRoutesHaveNoSchemaFindings(String name, Path file) throws IOException {
    String yaml = Files.readString(file, StandardCharsets.UTF_8);

    List<Finding> findings = RouteValidator.validate(new ValidateRequest(yaml, null)).findings();

    assertThat(findings).filteredOn(f -> f.code().startsWith("TE1")).isEmpty();
  }
}
