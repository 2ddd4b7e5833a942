package dev.trafficengineer.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Golden cases under {@code src/test/resources/validate}: each {@code NAME.yaml} is validated
 * (against {@code NAME.expect.json} when present) and must yield exactly the findings listed in
 * {@code NAME.findings.json}, compared by code, severity, path and line.
 */
class RouteValidatorFixturesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Every code this validator owns; TE301 and TE302 belong to the precedence engine. */
  private static final List<String> CODES =
      List.of(
          "TE101", "TE102", "TE103", "TE104", "TE105", "TE106", "TE107", "TE108", "TE109", "TE110",
          "TE111", "TE112", "TE113", "TE114", "TE115", "TE201", "TE202", "TE203", "TE204", "TE205",
          "TE301", "TE302", "TE303", "TE304", "TE401", "TE402", "TE403", "TE404", "TE405");

  record Expected(String code, String severity, String path, int line) {}

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
            .map(f -> new Expected(f.code(), f.severity(), f.path(), f.line()))
            .toList();
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected(name));
    assertThat(result.valid())
        .isEqualTo(actual.stream().noneMatch(f -> f.severity().equals(Finding.ERROR)));
    assertThat(result.findings())
        .allSatisfy(
            f -> {
              assertThat(f.message()).isNotBlank();
              assertThat(f.fix()).isNotBlank();
            });
  }

  @Test
  void everyCodeIsProducedByAtLeastThreeFixtures() throws IOException {
    Map<String, Integer> files = new HashMap<>();
    for (String name : cases().toList()) {
      expected(name).stream()
          .map(Expected::code)
          .distinct()
          .forEach(c -> files.merge(c, 1, Integer::sum));
    }

    List<String> underCovered = new ArrayList<>();
    for (String code : CODES) {
      if (files.getOrDefault(code, 0) < 3) {
        underCovered.add(code + " (" + files.getOrDefault(code, 0) + ")");
      }
    }
    assertThat(underCovered).as("codes in fewer than 3 findings files").isEmpty();
  }

  @Test
  void theCorpusHasAtLeastEightyFiles() throws IOException {
    try (Stream<Path> files = Files.list(folder())) {
      assertThat(files.count()).isGreaterThanOrEqualTo(80);
    }
  }

  private static ValidationResult validate(String name) throws IOException {
    String yaml = Files.readString(folder().resolve(name + ".yaml"), StandardCharsets.UTF_8);
    Path expectFile = folder().resolve(name + ".expect.json");
    Expectation expect =
        Files.exists(expectFile) ? JSON.readValue(expectFile.toFile(), Expectation.class) : null;
    return RouteValidator.validate(new ValidateRequest(yaml, expect));
  }

  private static List<Expected> expected(String name) {
    return JSON.readValue(
        folder().resolve(name + ".findings.json").toFile(), new TypeReference<List<Expected>>() {});
  }

  private static Path folder() {
    try {
      return Path.of(RouteValidatorFixturesTest.class.getResource("/validate").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
