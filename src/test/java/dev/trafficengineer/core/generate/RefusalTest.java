package dev.trafficengineer.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.input.InvalidInputException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bad inputs from {@code refusals/cases.json}: each case changes a valid base request of its
 * generator ({@code set}) and names the field the refusal must blame and the value its message must
 * show. Cases marked {@code bug} are known to fail and run only in the disabled test below.
 */
@DisplayName("Refused inputs")
class RefusalTest {
  private static final JsonNode FILE = TestFiles.json("refusals/cases.json");

  static Stream<Arguments> cases() {
    return all().filter(c -> !c.has("bug")).map(c -> Arguments.of(c.get("name").asString(), c));
  }

  static Stream<Arguments> knownBugs() {
    return all().filter(c -> c.has("bug")).map(c -> Arguments.of(c.get("name").asString(), c));
  }

  private static Stream<JsonNode> all() {
    return StreamSupport.stream(FILE.get("cases").spliterator(), false);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("throws InvalidInputException naming the field and showing the value")
  void refuses(String name, JsonNode refusal) {
    assertRefused(refusal);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("knownBugs")
  @DisplayName("names the field the caller actually used (known bugs)")
  void refusesKnownBugs(String name, JsonNode refusal) {
    assertRefused(refusal);
  }

  @org.junit.jupiter.api.Test
  @DisplayName("has at least 25 cases, and cases for every generator")
  void enoughCases() {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(25);
    assertThat(all().map(c -> c.get("generator").asString()).distinct())
        .contains("canary", "blue-green", "ab-test", "premium", "rollout");
  }

  private static void assertRefused(JsonNode refusal) {
    GeneratorCall call = callOf(refusal);

    Throwable thrown = catchThrowable(call::runAny);

    assertThat(thrown).isInstanceOf(InvalidInputException.class);
    InvalidInputException refused = (InvalidInputException) thrown;
    assertThat(refused.field()).isEqualTo(refusal.get("field").asString());
    assertThat(refused.getMessage())
        .startsWith(refusal.get("field").asString() + ": ")
        .contains(refusal.get("value").asString());
  }

  static GeneratorCall callOf(JsonNode refusal) {
    String generator = refusal.get("generator").asString();
    JsonNode base = FILE.get("bases").get(generator);
    ObjectNode request = (ObjectNode) base.get("request").deepCopy();
    request.setAll((ObjectNode) refusal.get("set"));
    JsonNode file =
        refusal.has("routeYamlFile") ? refusal.get("routeYamlFile") : base.get("routeYamlFile");
    return new GeneratorCall(
        generator, request, file == null || file.isNull() ? null : file.asString());
  }
}
