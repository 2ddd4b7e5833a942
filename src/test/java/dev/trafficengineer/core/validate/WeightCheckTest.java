package dev.trafficengineer.core.validate;

import static dev.trafficengineer.core.validate.Checked.CANARY;
import static dev.trafficengineer.core.validate.Checked.codes;
import static dev.trafficengineer.core.validate.Checked.run;
import static dev.trafficengineer.core.validate.Checked.withRules;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WeightCheckTest {

  @Test
  void canaryPasses() {
    assertThat(run(CANARY, WeightCheck::check)).isEmpty();
  }

  @Test
  void weightsAreBounded() {
    assertThat(codes(run(CANARY.replace("weight: 5\n", "weight: 1000001\n"), WeightCheck::check)))
        .containsExactly("TE106");
    assertThat(run(CANARY.replace("weight: 5\n", "weight: 1000000\n"), WeightCheck::check))
        .isEmpty();
  }

  @Test
  void allZeroIsAnErrorOneZeroIsNot() {
    assertThat(
            codes(
                run(
                    CANARY.replace("weight: 95", "weight: 0").replace("weight: 5\n", "weight: 0\n"),
                    WeightCheck::check)))
        .containsExactly("TE201");
    assertThat(run(CANARY.replace("weight: 5\n", "weight: 0\n"), WeightCheck::check)).isEmpty();
  }

  @Test
  void anOmittedWeightNextToExplicitOnesIsAWarning() {
    assertThat(run(CANARY.replace("          weight: 5\n", ""), WeightCheck::check))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("TE202");
              assertThat(f.severity()).isEqualTo(Finding.WARNING);
            });
  }

  @Test
  void noWeightsAtAllIsAnEvenSplit() {
    assertThat(
            run(
                withRules("    - backendRefs: [{name: a, port: 80}, {name: b, port: 80}]\n"),
                WeightCheck::check))
        .isEmpty();
  }
}
