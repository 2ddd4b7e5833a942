package dev.trafficengineer.core.validate;

import static dev.trafficengineer.core.validate.Checked.CANARY;
import static dev.trafficengineer.core.validate.Checked.codes;
import static dev.trafficengineer.core.validate.Checked.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimeoutCheckTest {

  private static String timeouts(String timeouts) {
    return CANARY + "      timeouts: " + timeouts + "\n";
  }

  @Test
  void wellFormedTimeoutsPass() {
    assertThat(run(timeouts("{request: 1h30m, backendRequest: 500ms}"), TimeoutCheck::check))
        .isEmpty();
  }

  @Test
  void formatIsGatewayApiDuration() {
    assertThat(codes(run(timeouts("{request: 30sec}"), TimeoutCheck::check)))
        .containsExactly("TE113");
    assertThat(codes(run(timeouts("{request: 1h1m1s1ms1h}"), TimeoutCheck::check)))
        .containsExactly("TE113");
  }

  @Test
  void backendRequestCannotOutlastRequestUnlessRequestIsDisabled() {
    assertThat(run(timeouts("{request: 10s, backendRequest: 11s}"), TimeoutCheck::check))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .startsWith("backendRequest timeout cannot be longer than request timeout"));
    assertThat(run(timeouts("{request: 0s, backendRequest: 11s}"), TimeoutCheck::check)).isEmpty();
  }

  @Test
  void millisReadsEveryUnit() {
    assertThat(TimeoutCheck.millis("1h2m3s4ms")).isEqualTo(3_723_004);
  }
}
