package dev.trafficengineer.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.trafficengineer.core.crd.CrdRouteValidator;
import dev.trafficengineer.core.validate.ValidateRequest;

/**
 * validate_route with a CRD of the caller's ({@code crdYaml}): any CRD text, its schema and its CEL
 * rules, judging any route. The input is the CRD, then a line {@code #>route}, then the route. A
 * CRD that cannot be read is refused with a reason; otherwise every finding has a catalog code and
 * a message, and {@code valid} means no error (see {@link ValidationInvariants}).
 */
class CrdValidateFuzzTest {
  private static final String ROUTE = "\n#>route\n";

  @FuzzTest(maxDuration = "10m")
  void judgesOrRefuses(byte[] data) {
    String text = FuzzText.text(data);
    int split = text.indexOf(ROUTE);
    String crd = split < 0 ? text : text.substring(0, split);
    String route = split < 0 ? "" : text.substring(split + ROUTE.length());
    FuzzText.refusalsOnly(
        () ->
            ValidationInvariants.check(
                CrdRouteValidator.validate(new ValidateRequest(route, null, crd, null))));
  }
}
