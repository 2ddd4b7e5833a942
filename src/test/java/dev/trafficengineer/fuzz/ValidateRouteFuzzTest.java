package dev.trafficengineer.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.trafficengineer.core.validate.RouteValidator;
import dev.trafficengineer.core.validate.ValidateRequest;

/**
 * validate_route on any text: never throws and never hits a defect of its own (bad input is a TE101
 * finding), every finding has a catalog code and a message, and {@code valid} means no error was
 * found.
 */
class ValidateRouteFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void findsOrPasses(byte[] data) {
    ValidationInvariants.check(
        RouteValidator.validate(new ValidateRequest(FuzzText.text(data), null)));
  }
}
