package dev.trafficengineer.core.picture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.validate.ProtectExpectation;
import dev.trafficengineer.core.validate.RouteValidator;
import dev.trafficengineer.core.validate.ValidateRequest;
import dev.trafficengineer.core.validate.ValidationResult;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RoutePictureTest {
  private static RoutePicture draw(String file, ProtectExpectation protect) {
    return RoutePictures.draw(new PictureRequest(null, TestFiles.read(file), null, protect, null));
  }

  @Test
  @DisplayName("the lesson's combined route: the premium rule first, protected, and proved")
  void combined() {
    RoutePicture picture =
        draw(
            "golden/lesson-combined.yaml",
            new ProtectExpectation("x-api-tier", "premium", "task-api-stable"));

    assertThat(picture.rules()).extracting(RuleBox::rule).containsExactly(0, 1);
    assertThat(picture.rules().get(0).protectedTraffic()).isTrue();
    assertThat(picture.rules().get(0).shares())
        .containsExactly(new Share("task-api/task-api-stable:8000", 100, "100%"));
    assertThat(picture.rules().get(1).shares())
        .containsExactly(
            new Share("task-api/task-api-stable:8000", 90, "90%"),
            new Share("task-api/task-api-canary:8000", 10, "10%"));
    assertThat(picture.protection()).startsWith("Protected: every request with x-api-tier");
    assertThat(picture.requests())
        .contains(
            new RequestRow("GET /api with x-api-tier: premium", true, 1, 200),
            new RequestRow("GET /api", false, 2, 200),
            new RequestRow("GET /", false, null, 404));
  }

  @Test
  @DisplayName("protection that does not hold is drawn as NOT PROTECTED with the TE302 example")
  void protectionBroken() {
    RoutePicture picture =
        draw(
            "golden/lesson-canary-5.yaml",
            new ProtectExpectation("x-api-tier", "premium", "task-api-stable"));

    assertThat(picture.protection())
        .startsWith("NOT PROTECTED (TE302)")
        .contains("task-api-canary");
  }

  @Test
  @DisplayName("a rule listed after an identical one is greyed with the reason in words")
  void shadowed() {
    RoutePicture picture = draw("validate/te301-identical-later-rule.yaml", null);

    assertThat(picture.rules().get(0).shadowed()).isNull();
    assertThat(picture.rules().get(1).shadowed())
        .startsWith("rule 1 can never be reached")
        .contains("rule 0");
    assertThat(RoutePictures.svg(List.of(picture)))
        .contains("class=\"rule shadowed\"", "SHADOWED: never reached", "stroke-dasharray=\"6 4\"");
  }

  @Test
  @DisplayName("a rule whose backends all weigh 0 answers 500, drawn as an outcome")
  void allZero() {
    RoutePicture picture = draw("validate/te201-all-zero.yaml", null);

    assertThat(picture.rules().get(0).status()).isEqualTo(500);
    assertThat(picture.rules().get(0).shares()).extracting(Share::percent).containsOnly("0%");
    assertThat(RoutePictures.svg(List.of(picture))).contains("500: no backend");
  }

  @Test
  @DisplayName("findings are shown on the rule their path points at; the others as notes")
  void findingsNextToRules() {
    String yaml = TestFiles.read("validate/te201-all-zero.yaml");
    ValidateRequest request = new ValidateRequest(yaml, null);
    ValidationResult result = RouteValidator.validate(request);

    RoutePicture picture = RoutePictures.ofValidation(request, result).get(0);

    assertThat(picture.rules().get(0).findings()).anyMatch(text -> text.startsWith("TE201 error"));
    assertThat(picture.caption()).startsWith("Not valid");
  }

  @Test
  @DisplayName("no HTTPRoute in the input is refused with the field named")
  void noRoute() {
    assertThatThrownBy(
            () -> RoutePictures.draw(new PictureRequest(null, "kind: Service\n", null, null, null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("yaml");
  }
}
