package dev.trafficengineer.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tables are (stable errors, stable requests, canary errors, canary requests). Expected p-values
 * are SciPy 1.17's {@code fisher_exact(..., alternative='greater')}, or exact fractions worked by
 * hand where the table allows it.
 */
@DisplayName("Fisher's exact test, one-sided")
class FisherExactTest {

  @ParameterizedTest(name = "stable {0}/{1}, canary {2}/{3}: p = {4}")
  @CsvSource({
    "3, 100, 12, 100, 0.014335657486588547",
    "3, 1000, 2, 1000, 0.812812891172677",
    "3, 100, 1, 5, 0.17969951236655973",
    "10, 1000, 1, 5, 0.05364594462071357",
    "3, 100, 3, 100, 0.658641705207019",
    "0, 20000, 2, 1000, 0.0022654139993060892",
    "0, 1000, 5, 5, 1.1821667482904642e-13",
    "50, 100000, 20, 5000, 5.595607714726187e-11"
  })
  void matchesScipy(long se, long sn, long ce, long cn, double expected) {
    assertThat(p(se, sn, ce, cn)).isCloseTo(expected, Percentage.withPercentage(1e-7));
  }

  @Test
  @DisplayName("one error against a zero baseline: p is the canary's share of the requests")
  void zeroBaseline() {
    // The single error is equally likely to be any of the 1050 requests; 50 are the canary's.
    assertThat(p(0, 1000, 1, 50)).isCloseTo(50.0 / 1050, within(1e-12));
    assertThat(p(0, 20000, 1, 1000)).isCloseTo(1000.0 / 21000, within(1e-12));
  }

  @Test
  @DisplayName("by hand: 2 errors in 4 requests, both on the canary's 2 requests: p = 1/C(4,2)")
  void smallTableByHand() {
    assertThat(p(0, 2, 2, 2)).isCloseTo(1.0 / 6, within(1e-12));
    assertThat(p(1, 2, 1, 2)).isCloseTo(5.0 / 6, within(1e-12));
  }

  @Test
  @DisplayName("no errors, or none on the canary, is no evidence at all")
  void noEvidence() {
    assertThat(p(0, 100, 0, 100)).isEqualTo(1.0);
    assertThat(p(5, 100, 0, 100)).isEqualTo(1.0);
  }

  @Test
  @DisplayName("millions of requests neither overflow nor lose the answer")
  void largeCounts() {
    assertThat(p(1_000_000, 100_000_000, 60_000, 5_000_000)).isLessThan(1e-100);
    assertThat(p(1_000_000, 100_000_000, 50_000, 5_000_000)).isBetween(0.4, 0.6);
  }

  @Test
  @DisplayName("ln Γ matches factorials")
  void logGamma() {
    assertThat(FisherExact.logFactorial(10)).isCloseTo(Math.log(3628800), within(1e-12));
    assertThat(FisherExact.logGamma(0.5)).isCloseTo(Math.log(Math.sqrt(Math.PI)), within(1e-13));
  }

  private static double p(long se, long sn, long ce, long cn) {
    return FisherExact.upperTail(sn + cn, se + ce, cn, ce);
  }
}
