package dev.trafficengineer.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.validate.Finding;
import dev.trafficengineer.core.validate.ValidationResult;

/** What every validation result must satisfy, whatever the input. */
final class ValidationInvariants {
  private ValidationInvariants() {}

  /**
   * Every finding has a catalog code and a message, none reports a defect of the validator's own
   * that it caught, and {@code valid} means no error was found.
   */
  static void check(ValidationResult result) {
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
