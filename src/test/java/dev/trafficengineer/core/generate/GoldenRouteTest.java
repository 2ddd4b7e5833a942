package dev.trafficengineer.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.validate.RouteValidator;
import dev.trafficengineer.core.validate.ValidateRequest;
import dev.trafficengineer.core.validate.ValidationResult;
import dev.trafficengineer.core.yaml.HttpRouteMapping;
import dev.trafficengineer.core.yaml.RouteYamlWriter;
import dev.trafficengineer.core.yaml.YamlDocument;
import dev.trafficengineer.core.yaml.YamlReader;
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
 * Golden pairs under {@code src/test/resources/golden}: {@code <case>.request.json} says which
 * generator to call with which request, {@code <case>.yaml} is the YAML it must print, byte for
 * byte. Run with {@code -Dgolden.update=true} to rewrite the YAML files, then review the diff
 * against the lesson before committing.
 */
@DisplayName("Golden routes")
class GoldenRouteTest {
  private static final String SUFFIX = ".request.json";
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  /** The lesson's own routes must stay covered: deleting one of them is a failure, not a skip. */
  private static final List<String> LESSON_CASES =
      List.of(
          "lesson-canary-5",
          "lesson-canary-25",
          "lesson-canary-50",
          "lesson-canary-100",
          "lesson-canary-rollback-0",
          "lesson-blue-green-blue-active",
          "lesson-blue-green-green-active",
          "lesson-ab",
          "lesson-premium",
          "lesson-combined",
          "premium-added-to-canary",
          "exercise-canary",
          "exercise-ab",
          "exercise-bluegreen");

  static Path directory() {
    return TestFiles.path("golden");
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
    return GeneratorCall.of(TestFiles.json("golden/" + name + SUFFIX));
  }

  static String expected(String name) {
    return TestFiles.read(directory().resolve(name + ".yaml"));
  }

  @Test
  @DisplayName("covers every route of the lesson")
  void coversTheLesson() {
    assertThat(cases()).containsAll(LESSON_CASES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("prints exactly the golden YAML")
  void printsGoldenYaml(String name) {
    String yaml = call(name).run().yaml();
    Path golden = directory().resolve(name + ".yaml");
    if (UPDATE) {
      TestFiles.write(golden, yaml);
    }
    assertThat(yaml).isEqualTo(expected(name));
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
  @DisplayName("golden YAML read back and written again is the same text")
  void rereadIsIdempotent(String name) {
    String yaml = expected(name);
    List<YamlDocument> documents = YamlReader.read(yaml);

    assertThat(documents).hasSize(1);
    assertThat(RouteYamlWriter.write(HttpRouteMapping.toRoute(documents.get(0).tree())))
        .isEqualTo(yaml);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("generating twice gives the same result, commands and notes included")
  void generatingTwiceIsIdentical(String name) {
    assertThat(call(name).run()).isEqualTo(call(name).run());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("protecting premium requests in an already protected route changes nothing")
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
}
