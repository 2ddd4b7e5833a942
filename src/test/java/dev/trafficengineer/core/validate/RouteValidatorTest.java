package dev.trafficengineer.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteValidatorTest {

  private static ValidationResult validate(String yaml) {
    return RouteValidator.validate(new ValidateRequest(yaml, null));
  }

  @Test
  void aCleanRouteIsValidWithNoFindings() {
    assertThat(validate(Checked.CANARY)).isEqualTo(new ValidationResult(true, java.util.List.of()));
  }

  @Test
  void severalDocumentsPrefixPathsWithTheIndexAndKeepInputLines() {
    String second = Checked.CANARY.replace("weight: 5\n", "weight: -5\n");

    ValidationResult result = validate(Checked.CANARY + "---\n" + second);

    assertThat(result.valid()).isFalse();
    assertThat(result.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.path()).isEqualTo("/1/spec/rules/0/backendRefs/1/weight");
              // 16 lines of the first route, the --- line, then line 16 of the second.
              assertThat(f.line()).isEqualTo(16 + 1 + 16);
            });
  }

  @Test
  void emptyDocumentsDoNotCountForTheIndex() {
    ValidationResult result =
        validate(
            "---\n# nothing\n---\n"
                + Checked.CANARY
                + "---\n"
                + Checked.CANARY.replace("  namespace: task-api\n", ""));

    assertThat(result.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.path()).isEqualTo("/1/metadata"));
  }

  @Test
  void warningsAndNotesLeaveARouteValid() {
    ValidationResult result =
        validate(
            Checked.CANARY
                .replace("  namespace: task-api\n", "")
                .replace("          weight: 5\n", ""));

    assertThat(result.findings()).extracting(Finding::code).containsExactly("TE405", "TE202");
    assertThat(result.valid()).isTrue();
  }

  @Test
  void nullAndEmptyInputAreUnreadable() {
    assertThat(RouteValidator.validate(null).findings())
        .extracting(Finding::code)
        .containsExactly("TE101");
    assertThat(validate(null).findings()).extracting(Finding::code).containsExactly("TE101");
    assertThat(validate("").valid()).isFalse();
  }

  @Test
  void hostileInputIsOneUnreadableFinding() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    String manyDocuments = "---\na: 1\n".repeat(10_001);
    String binary = "apiVersion: \u0000\u0001\u0002";

    for (String hostile : new String[] {deep, manyDocuments, binary}) {
      assertThat(validate(hostile).findings()).extracting(Finding::code).containsExactly("TE101");
    }
  }

  @Test
  void expectationIsOptionalInEveryPart() {
    ValidationResult result =
        RouteValidator.validate(
            new ValidateRequest(Checked.CANARY, new Expectation(null, null, null, null)));

    assertThat(result.findings()).isEmpty();
    assertThat(new Expectation(null, null, Map.of("a", 1), null).split()).containsEntry("a", 1);
  }
}
