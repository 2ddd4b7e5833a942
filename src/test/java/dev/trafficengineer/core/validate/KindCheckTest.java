package dev.trafficengineer.core.validate;

import static dev.trafficengineer.core.validate.Checked.CANARY;
import static dev.trafficengineer.core.validate.Checked.codes;
import static dev.trafficengineer.core.validate.Checked.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KindCheckTest {

  @Test
  void acceptsV1AndV1beta1() {
    assertThat(run(CANARY, KindCheck::check)).isEmpty();
    assertThat(run(CANARY.replace("/v1\n", "/v1beta1\n"), KindCheck::check)).isEmpty();
  }

  @Test
  void refusesOtherKindsAndStopsTheRouteChecks() {
    String yaml = CANARY.replace("kind: HTTPRoute", "kind: TCPRoute");

    assertThat(codes(run(yaml, KindCheck::check))).containsExactly("TE102");
    assertThat(RouteValidator.validate(new ValidateRequest(yaml, null)).findings())
        .extracting(Finding::code)
        .containsExactly("TE102");
  }

  @Test
  void reportsAWrongApiVersionButKeepsChecking() {
    String yaml = CANARY.replace("gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v2");

    assertThat(run(yaml, KindCheck::check))
        .singleElement()
        .satisfies(f -> assertThat(f.path()).isEqualTo("/apiVersion"));
  }
}
