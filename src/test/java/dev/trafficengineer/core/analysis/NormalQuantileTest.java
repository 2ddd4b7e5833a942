package dev.trafficengineer.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalQuantileTest {

  /** scipy.stats.norm.ppf (SciPy 1.17.1). */
  @ParameterizedTest(name = "z({0}) = {1}")
  @CsvSource({
    "0.5, 0.0",
    "0.8, 0.8416212335729143",
    "0.95, 1.6448536269514722",
    "0.975, 1.959963984540054",
    "0.999, 3.090232306167813",
    "0.01, -2.3263478740408408",
    "0.001, -3.090232306167813"
  })
  void matchesSciPy(double p, double z) {
    assertThat(NormalQuantile.of(p)).isCloseTo(z, within(Math.max(1e-15, Math.abs(z) * 2e-9)));
  }
}
