package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.generate.GeneratorCall;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * The skill's templates and the generators never disagree: each template, as the server serves it,
 * filled in with the lesson's values ({@code skill/<template>.values.json}), is the generator's
 * output for the lesson's golden request, line for line once the template's comments are dropped.
 */
@DisplayName("Skill templates")
class SkillTemplatesTest {
  private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {};

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"canary", "blue-green", "ab-test"})
  @DisplayName("filled in with the lesson's values, equal what the generator produces")
  void equalGeneratorOutput(String template) {
    JsonNode fixture = TestFiles.json("skill/" + template + ".values.json");
    SkillResource resource = resource("traffic-engineer://templates/" + template);
    Map<String, String> values = TestFiles.JSON.convertValue(fixture.get("values"), VALUES);
    String golden = fixture.get("golden").asString();

    String filled = withoutComments(Placeholders.fill(resource.text(), values));
    String generated =
        GeneratorCall.of(TestFiles.json("golden/" + golden + ".request.json")).run().yaml();

    assertThat(filled).isEqualTo(generated).isEqualTo(TestFiles.read("golden/" + golden + ".yaml"));
  }

  private static SkillResource resource(String uri) {
    return SkillResource.ALL.stream()
        .filter(resource -> resource.uri().equals(uri))
        .findFirst()
        .orElseThrow();
  }

  private static String withoutComments(String yaml) {
    return yaml.lines().filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n"))
        + "\n";
  }
}
