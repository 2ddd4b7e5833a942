package dev.trafficengineer.core.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.patch.WeightShift.RuleChange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("capacity at the moment of change")
class CapacityTest {
  private static List<RuleChange> change(int before, int after) {
    return List.of(
        new RuleChange(
            1,
            List.of("stable", "canary"),
            List.of(100 - before, before),
            List.of(100 - after, after)));
  }

  @ParameterizedTest(name = "{0} % -> {1} %: warned {2}")
  @CsvSource({
    "0, 100, true",
    "5, 100, true",
    "40, 100, true",
    "20, 51, true",
    "50, 100, false",
    "90, 100, false",
    "10, 40, false",
    "100, 0, false"
  })
  @DisplayName("from a file: a jump to most of the traffic (from 0, or more than 2x) warns")
  void bigJumps(int before, int after, boolean warned) {
    List<String> warnings = Capacity.check(change(before, after), null);

    assertThat(warnings.stream().anyMatch(w -> w.startsWith("Capacity: canary would take")))
        .isEqualTo(warned);
  }

  @Test
  @DisplayName("the warning names the Service and both shares")
  void offlineText() {
    assertThat(Capacity.check(change(5, 100), null))
        .containsExactly(
            "Capacity: canary would take 100 % from 5 % of rule 1's traffic: make sure it is"
                + " scaled for that (its replicas) before you run the command. Live mode (--live,"
                + " the cluster tools) counts its ready endpoints.");
  }

  @Test
  @DisplayName("live: the ready endpoints and the growth per endpoint are in the warning")
  void liveText() {
    assertThat(Capacity.check(change(90, 0), Map.of("stable", 1, "canary", 3)))
        .containsExactly(
            "Capacity: stable has 1 ready endpoint and would take 100 % from 10 % of rule 1's"
                + " traffic, 10× as much per endpoint: scale it (its replicas) for that before"
                + " you apply the change.");
  }

  @ParameterizedTest(name = "{0} % -> {1} % per endpoint: warned {2}")
  @CsvSource({"10, 45, true", "10, 40, false", "0, 30, true", "30, 40, false"})
  @DisplayName("live: a share per ready endpoint growing more than 4x warns")
  void growthPerEndpoint(int before, int after, boolean warned) {
    assertThat(Capacity.check(change(before, after), Map.of("stable", 4, "canary", 2)))
        .hasSize(warned ? 1 : 0);
  }

  @Test
  @DisplayName("live: more traffic to a Service with no ready endpoint is refused (503)")
  void noReadyEndpoint() {
    assertThatThrownBy(() -> Capacity.check(change(10, 0), Map.of("stable", 0, "canary", 1)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "readyEndpoints: \"stable\" has no ready endpoint, and the change would send it 100 %"
                + " from 90 % of rule 1's traffic: those requests would be answered with 503."
                + " Nothing was changed; scale it up (or fix its pods) until kubectl get"
                + " endpointslices -l kubernetes.io/service-name=stable shows ready endpoints.");
  }

  @Test
  @DisplayName("live: a Service with no ready endpoint that loses traffic is not refused")
  void drainingAnEmptyServiceIsFine() {
    assertThat(Capacity.check(change(10, 0), Map.of("stable", 2, "canary", 0))).isEmpty();
  }

  @Test
  @DisplayName("shares print as whole numbers or one decimal, never a non-zero share as 0")
  void numbers() {
    assertThat(Share.number(100)).isEqualTo("100");
    assertThat(Share.number(100.0 / 3)).isEqualTo("33.3");
    assertThat(Share.number(0.001)).isEqualTo("<0.1");
  }
}
