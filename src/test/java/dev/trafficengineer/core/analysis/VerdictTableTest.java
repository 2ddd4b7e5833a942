package dev.trafficengineer.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.Json;
import dev.trafficengineer.core.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The verdict table: one fixture per case under {@code analysis/verdicts}, each an analyze_canary
 * request (a {@code routeFile} is read into {@code routeYaml}) with the verdict, the cause, the
 * reasons that must be among the verdict's and the fields its share, sample size and tail
 * comparison must have.
 */
@DisplayName("verdict table: share mismatch, no traffic, thin traffic, tail regression")
class VerdictTableTest {

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(TestFiles.path("analysis/verdicts"))) {
      return files.map(file -> file.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verdict(String name) {
    JsonNode fixture = Json.MAPPER.readTree(TestFiles.read("analysis/verdicts/" + name));
    ObjectNode request = (ObjectNode) fixture.get("request").deepCopy();
    if (request.has("routeFile")) {
      request.put("routeYaml", TestFiles.read(request.remove("routeFile").asString()));
    }
    Verdict verdict =
        CanaryAnalysis.analyze(Json.MAPPER.treeToValue(request, AnalyzeRequest.class));
    JsonNode expect = fixture.get("expect");
    JsonNode actual = Json.MAPPER.valueToTree(verdict);

    assertThat(verdict.verdict())
        .as("verdict; reasons %s", verdict.reasons())
        .isEqualTo(expect.get("verdict").asString());
    assertThat(actual.get("cause")).as("cause").isEqualTo(expect.get("cause"));
    for (String part : new String[] {"share", "sampleSize", "tail"}) {
      if (expect.has(part) && expect.get(part).isNull()) {
        assertThat(actual.get(part).isNull()).as(part + " is null").isTrue();
      } else if (expect.has(part)) {
        Iterator<Map.Entry<String, JsonNode>> fields = expect.get(part).properties().iterator();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          JsonNode value = actual.get(part).get(field.getKey());
          if (field.getValue().isNumber()) {
            assertThat(value.asDouble())
                .as(part + "." + field.getKey())
                .isEqualTo(field.getValue().asDouble());
          } else {
            assertThat(value).as(part + "." + field.getKey()).isEqualTo(field.getValue());
          }
        }
      }
    }
    for (JsonNode wanted : expect.get("reasons")) {
      assertThat(verdict.reasons())
          .as("a %s reason with effect %s", wanted.get("cause"), wanted.get("effect"))
          .anySatisfy(
              reason -> {
                assertThat(reason.cause()).isEqualTo(wanted.get("cause").asString());
                assertThat(reason.effect()).isEqualTo(wanted.get("effect").asString());
                wanted
                    .get("contains")
                    .forEach(text -> assertThat(reason.text()).contains(text.asString()));
              });
    }
    if (Verdict.PROMOTE.equals(verdict.verdict())) {
      assertThat(verdict.reasons()).allMatch(reason -> Reason.NONE.equals(reason.effect()));
    } else {
      assertThat(verdict.reasons().get(0).effect()).isEqualTo(verdict.verdict());
    }
  }
}
