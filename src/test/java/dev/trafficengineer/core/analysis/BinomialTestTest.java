package dev.trafficengineer.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.trafficengineer.core.TestFiles;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("exact two-sided binomial test")
class BinomialTestTest {

  static Stream<Arguments> references() {
    return TestFiles.read("analysis/share/binomial-references.csv")
        .lines()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(line -> line.split(","))
        .map(
            f ->
                Arguments.of(
                    Long.parseLong(f[0]),
                    Long.parseLong(f[1]),
                    Double.parseDouble(f[2]),
                    Double.parseDouble(f[3])));
  }

  @ParameterizedTest(name = "{1} of {0} at {2}: p = {3}")
  @MethodSource("references")
  @DisplayName("matches SciPy's binomtest to 1e-9 relative")
  void matchesReferences(long n, long observed, double share, double expected) {
    double p = BinomialTest.twoSided(n, observed, share);

    assertThat(p).isCloseTo(expected, within(Math.max(1e-300, expected * 1e-9)));
  }

  @Test
  @DisplayName("a p-value far below the smallest double keeps its logarithm")
  void underflowKeepsLogarithm() {
    // 100 of 25,000 at 10%: ln(P(X <= 100) + P(X >= 6151)) = -2204.4293542194643... (mpmath at
    // 60 digits; 6151 is the first count above the mean that is no more probable than 100).
    assertThat(BinomialTest.twoSided(25_000, 100, 0.1)).isZero();
    assertThat(BinomialTest.logTwoSided(25_000, 100, 0.1))
        .isCloseTo(-2204.4293542194643, within(1e-9));
  }

  @Test
  @DisplayName("the probabilities of all counts sum to 1 (n = 1,000 and 1,000,003)")
  void pmfSumsToOne() {
    for (long n : new long[] {1000, 1_000_003}) {
      double sum = 0;
      for (long k = 0; k <= n; k++) {
        sum += Math.exp(BinomialTest.logPmf(n, k, 0.1));
      }
      assertThat(sum).as("n = " + n).isCloseTo(1.0, within(1e-12));
    }
  }

  @Test
  @DisplayName("Stirling's error term agrees with the direct sum of logarithms")
  void stirlingError() {
    for (long n : new long[] {16, 35, 36, 80, 81, 500, 501, 10_000}) {
      double logFactorial = LongStream.rangeClosed(2, n).mapToDouble(Math::log).sum();
      double direct = logFactorial - (n + 0.5) * Math.log(n) + n - 0.5 * Math.log(2 * Math.PI);
      assertThat(BinomialTest.stirlingError(n)).as("n = " + n).isCloseTo(direct, within(1e-10));
    }
  }
}
