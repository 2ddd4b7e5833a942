package dev.trafficengineer.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.trafficengineer.core.validate.Finding;
import dev.trafficengineer.core.validate.RouteValidator;
import dev.trafficengineer.core.validate.ValidateRequest;
import dev.trafficengineer.core.validate.ValidationResult;

/**
 * validate_route on any text: never throws and never hits a defect of its own (bad input is a TE101
 * finding), every finding has a catalog code and a message, and {@code valid} means no error was
 * found.
 */
class ValidateRouteFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void findsOrPasses(byte[] data) {
    ValidationResult result =
        RouteValidator.validate(new ValidateRequest(FuzzText.text(data), null));

    assertThat(result.findings())
        .allSatisfy(
            finding -> {
              assertThat(finding.code()).matches("TE\\d{3}");
              assertThat(finding.message())
                  .isNotBlank()
                  // How the validator reports a defect of its own that it caught.
                  .doesNotContain("could not process it");
            });
    boolean errors = result.findings().stream().map(Finding::severity).anyMatch("error"::equals);
    assertThat(result.valid()).isEqualTo(!errors);
  }
}
