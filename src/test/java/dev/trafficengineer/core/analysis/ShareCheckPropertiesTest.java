package dev.trafficengineer.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * A data plane that honours the declared split sends each request to the canary with the declared
 * probability. Simulated with a seeded random generator, such windows must be called a mismatch at
 * most alpha of the time: the exact test is conservative (its true rate is at most alpha), and the
 * simulation of 2,000 windows adds an allowance of 3 standard deviations of a proportion at alpha,
 * 3 √(α(1−α)/2000) (0.0146 at alpha 0.05), so a correct test fails this about once in 700 runs per
 * try at worst and the fixed seeds make each run repeatable.
 */
class ShareCheckPropertiesTest {
  private static final int WINDOWS = 2_000;

  @Property(tries = 12, seed = "19")
  @Label("a split that matches the declared weights is flagged at most alpha of the time")
  void honouredSplitFlaggedAtMostAlpha(
      @ForAll @IntRange(min = 1, max = 99) int canaryWeight,
      @ForAll @IntRange(min = 20, max = 800) int requests,
      @ForAll @DoubleRange(min = 0.01, max = 0.2) double alpha,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double share = canaryWeight / 100.0;
    // maxShareDeviation near 0 leaves the decision to the test alone.
    Thresholds thresholds = new Thresholds(1L, null, null, null, null, alpha, 1e-9, null, null);
    int flagged = 0;
    for (int window = 0; window < WINDOWS; window++) {
      long canary = 0;
      for (int i = 0; i < requests; i++) {
        if (random.nextDouble() < share) {
          canary++;
        }
      }
      Verdict verdict =
          CanaryAnalysis.analyze(
              new AnalyzeRequest(
                  new VersionStats(requests - canary, 0L, null),
                  new VersionStats(canary, 0L, null),
                  thresholds,
                  null,
                  null,
                  null,
                  null,
                  null,
                  new DeclaredSplit(100L - canaryWeight, (long) canaryWeight)));
      if (verdict.share().mismatch()) {
        flagged++;
      }
    }
    double tolerance = 3 * Math.sqrt(alpha * (1 - alpha) / WINDOWS);

    assertThat((double) flagged / WINDOWS).isLessThanOrEqualTo(alpha + tolerance);
  }

  @Property(tries = 10, seed = "19")
  @Label("a split far from the declared weights is flagged almost always")
  void brokenSplitFlagged(
      @ForAll @IntRange(min = 5, max = 50) int canaryWeight,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    // The data plane sends a third of the declared share: 2,000 requests make that obvious.
    double actual = canaryWeight / 300.0;
    int flagged = 0;
    for (int window = 0; window < 100; window++) {
      long canary = 0;
      for (int i = 0; i < 2_000; i++) {
        if (random.nextDouble() < actual) {
          canary++;
        }
      }
      Verdict verdict =
          CanaryAnalysis.analyze(
              new AnalyzeRequest(
                  new VersionStats(2_000 - canary, 0L, null),
                  new VersionStats(canary, 0L, null),
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  new DeclaredSplit(100L - canaryWeight, (long) canaryWeight)));
      if (verdict.share().mismatch() && Verdict.HOLD.equals(verdict.verdict())) {
        flagged++;
      }
    }

    assertThat(flagged).isGreaterThanOrEqualTo(99);
  }
}
