package dev.trafficengineer.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.Json;
import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.validate.Expectation;
import dev.trafficengineer.core.validate.ProtectExpectation;
import dev.trafficengineer.core.validate.RouteValidator;
import dev.trafficengineer.core.validate.ValidateRequest;
import dev.trafficengineer.core.validate.ValidationResult;
import dev.trafficengineer.core.yaml.RouteYamlWriter;
import dev.trafficengineer.core.yaml.YamlDocument;
import dev.trafficengineer.core.yaml.YamlReader;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GRPCRoute golden pairs under {@code src/test/resources/golden/grpc}, the same mechanism as {@link
 * GoldenRouteTest}: {@code <case>.request.json} names the generator and request, {@code
 * <case>.yaml} is the YAML it must print byte for byte ({@code -Dgolden.update=true} rewrites it).
 */
@DisplayName("Golden GRPCRoutes")
class GrpcGoldenRouteTest {
  private static final String SUFFIX = ".request.json";
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  /** One case per gRPC pattern: deleting one is a failure, not a skip. */
  private static final List<String> PATTERNS =
      List.of(
          "grpc-canary-5",
          "grpc-canary-every-call",
          "grpc-canary-protect-premium",
          "grpc-blue-green-green-active",
          "grpc-ab-header",
          "grpc-ab-regex-method",
          "grpc-premium-added-to-canary",
          "grpc-premium-fixes-method-rule");

  static Path directory() {
    return TestFiles.path("golden/grpc");
  }

  static Stream<String> cases() {
    try (Stream<Path> files = Files.list(directory())) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(SUFFIX))
          .map(name -> name.substring(0, name.length() - SUFFIX.length()))
          .sorted()
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static GeneratorCall call(String name) {
    return GeneratorCall.of(TestFiles.json("golden/grpc/" + name + SUFFIX));
  }

  static String expected(String name) {
    return TestFiles.read(directory().resolve(name + ".yaml"));
  }

  @Test
  @DisplayName("covers every gRPC pattern")
  void coversEveryPattern() {
    assertThat(cases()).containsAll(PATTERNS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("prints exactly the golden YAML, a GRPCRoute")
  void printsGoldenYaml(String name) {
    String yaml = call(name).run().yaml();
    Path golden = directory().resolve(name + ".yaml");
    if (UPDATE) {
      TestFiles.write(golden, yaml);
    }
    assertThat(yaml).isEqualTo(expected(name)).contains("kind: GRPCRoute");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("validates without errors or warnings (a regex match is worth an info)")
  void validatesClean(String name) {
    ValidationResult result = RouteValidator.validate(new ValidateRequest(expected(name), null));

    assertThat(result.findings()).allSatisfy(f -> assertThat(f.severity()).isEqualTo("info"));
    assertThat(result.valid()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("golden YAML read back as a fabric8 GRPCRoute and written again is the same text")
  void rereadIsIdempotent(String name) {
    String yaml = expected(name);
    List<YamlDocument> documents = YamlReader.read(yaml);

    assertThat(documents).hasSize(1);
    GRPCRoute route = Json.MAPPER.treeToValue(documents.get(0).tree(), GRPCRoute.class);
    assertThat(RouteYamlWriter.write(route)).isEqualTo(yaml);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("generating twice gives the same result, commands and notes included")
  void generatingTwiceIsIdentical(String name) {
    assertThat(call(name).run()).isEqualTo(call(name).run());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("protecting premium calls in an already protected GRPCRoute changes nothing")
  void premiumOnItsOwnOutputChangesNothing(String name) {
    GeneratorCall call = call(name);
    if (!call.generator().equals("premium")) {
      return;
    }
    PremiumRuleRequest request = call.as(PremiumRuleRequest.class);
    String once = call.run().yaml();

    RouteResult twice =
        PremiumProtection.add(
            new PremiumRuleRequest(once, request.service(), request.header(), request.port()));

    assertThat(twice.yaml()).isEqualTo(once);
    assertThat(twice.notes().get(0)).startsWith("Nothing to add");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("premium GRPCRoutes pass the TE302 proof in validate_route")
  void premiumIsProvedByTheValidator(String name) {
    if (!call(name).generator().equals("premium")) {
      return;
    }
    Expectation expect =
        new Expectation(
            null, null, null, new ProtectExpectation("x-api-tier", "premium", "orders-stable"));

    ValidationResult result = RouteValidator.validate(new ValidateRequest(expected(name), expect));

    assertThat(result.findings()).extracting(f -> f.code()).doesNotContain("TE302", "TE301");
    assertThat(result.valid()).isTrue();
  }
}
