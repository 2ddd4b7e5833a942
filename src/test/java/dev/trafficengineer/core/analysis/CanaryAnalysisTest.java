package dev.trafficengineer.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.input.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("canary verdicts")
class CanaryAnalysisTest {

  @Nested
  @DisplayName("the lesson's examples")
  class Lesson {
    @Test
    @DisplayName("3 stable against 12 canary errors in 100 log lines each: rollback")
    void threeAgainstTwelve() {
      Verdict verdict = analyze(stats(100, 3), stats(100, 12));

      assertThat(verdict.verdict()).isEqualTo(Verdict.ROLLBACK);
      assertThat(verdict.reasons().get(0).text())
          .isEqualTo(
              "Error rate: canary 12 of 100 requests failed (12.00%), stable 3 of 100 requests"
                  + " failed (3.00%): 4 times stable's rate. If both versions failed equally"
                  + " often, 12 or more of the 15 errors would land on the canary's 100 of 200"
                  + " requests with probability p = 0.0143 (Fisher's exact test, one-sided),"
                  + " below alpha 0.05: the canary fails more often, and it is not bad luck.");
      assertThat(verdict.reasons().get(1).text())
          .isEqualTo(
              "Ceiling: the canary's error rate 12.00% is above the 5.00% ceiling (stable:"
                  + " 3.00%).");
      assertThat(verdict.numbers().errorRateRatio()).isEqualTo(4.0);
      assertThat(verdict.numbers().pValue()).isBetween(0.01433, 0.01434);
      assertThat(verdict.rollbackCommand()).isNull();
    }

    @Test
    @DisplayName("3 stable against 2 canary errors in 1000 log lines each: promote")
    void threeAgainstTwo() {
      Verdict verdict = analyze(stats(1000, 3), stats(1000, 2));

      assertThat(verdict.verdict()).isEqualTo(Verdict.PROMOTE);
      assertThat(verdict.reasons())
          .anySatisfy(reason -> assertThat(reason.text()).contains("p = 0.813", "no evidence"))
          .anySatisfy(
              reason -> assertThat(reason.text()).contains("0.20% is within the 5.00% ceiling"));
    }

    @Test
    @DisplayName("a rollback with the lesson's route carries the guarded patch to stable")
    void rollbackCommand() {
      String route = TestFiles.read("cli/lesson-canary.yaml");
      Verdict verdict =
          CanaryAnalysis.analyze(
              new AnalyzeRequest(
                  stats(100, 3), stats(100, 12), null, route, null, null, null, null));

      assertThat(verdict.rollbackCommand())
          .startsWith("kubectl patch httproute task-api-canary -n task-api --type=json -p ")
          .contains(
              "{\"op\":\"test\",\"path\":\"/spec/rules/0/backendRefs/1/name\",\"value\":\"task-api-canary\"}",
              "{\"op\":\"replace\",\"path\":\"/spec/rules/0/backendRefs/0/weight\",\"value\":100}",
              "{\"op\":\"replace\",\"path\":\"/spec/rules/0/backendRefs/1/weight\",\"value\":0}");
    }
  }

  @Nested
  @DisplayName("the traps of a bare ratio")
  class Traps {
    @Test
    @DisplayName("small sample: 1 error in 5 canary requests (20%) is hold, not rollback")
    void smallSample() {
      Verdict verdict = analyze(stats(100, 3), stats(5, 1));

      assertThat(verdict.verdict()).isEqualTo(Verdict.HOLD);
      assertThat(verdict.cause()).isEqualTo(Reason.NO_TRAFFIC);
      assertThat(verdict.reasons().get(0).text())
          .isEqualTo(
              "Traffic: only 5 requests reached the canary, fewer than the 20 at which a canary"
                  + " failing at the 5.00% ceiling would be expected to fail once: it has hardly"
                  + " been exercised. No traffic is not health: check that the route's weight"
                  + " reaches the canary, that its pods carry the canary's version label, and"
                  + " that the window covers the stage. Hold; never promote a canary nobody"
                  + " called.");
    }

    @Test
    @DisplayName("zero baseline: stable 0 of 1000, canary 1 of 50 is hold, not rollback")
    void zeroBaseline() {
      Verdict verdict = analyze(stats(1000, 0), stats(50, 1));

      assertThat(verdict.verdict()).isEqualTo(Verdict.HOLD);
      assertThat(verdict.numbers().errorRateRatio()).isNull();
      assertThat(verdict.cause()).isEqualTo(Reason.THIN_TRAFFIC);
      assertThat(verdict.reasons().get(1).cause()).isEqualTo(Reason.ERROR_RATE);
      assertThat(verdict.reasons().get(1).text())
          .contains("p = 0.0476", "below alpha 0.05, but 1 canary error is fewer than the 5");
    }

    @Test
    @DisplayName("zero baseline with enough traffic: one error at a 5% stage still only holds")
    void zeroBaselineEnoughTraffic() {
      Verdict verdict = analyze(stats(20000, 0), stats(1000, 1));

      assertThat(verdict.verdict()).isEqualTo(Verdict.HOLD);
      assertThat(verdict.reasons()).hasSize(4);
      assertThat(verdict.cause()).isEqualTo(Reason.ERROR_RATE);
    }

    @Test
    @DisplayName("overwhelming evidence rolls back even below the minimum sample")
    void overwhelming() {
      Verdict verdict = analyze(stats(1000, 0), stats(5, 5));

      assertThat(verdict.verdict()).isEqualTo(Verdict.ROLLBACK);
      assertThat(verdict.reasons().get(0).text()).contains("p = 1.18e-13");
    }
  }

  @Nested
  @DisplayName("threshold edges")
  class Edges {
    @ParameterizedTest(name = "canary {0} requests, {1} errors: {2}")
    @CsvSource({
      "99, 0, hold",
      "100, 0, promote",
      "100, 5, promote",
      "100, 6, rollback",
      "1000, 50, promote"
    })
    void sampleAndCeiling(long requests, long errors, String expected) {
      assertThat(analyze(stats(100_000, 5_000), stats(requests, errors)).verdict())
          .isEqualTo(expected);
    }

    @ParameterizedTest(name = "canary errors {0} of 1000 against 0 of 20000: {1}")
    @CsvSource({"4, hold", "5, rollback"})
    void minErrors(long errors, String expected) {
      assertThat(analyze(stats(20000, 0), stats(1000, errors)).verdict()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "p99 {0} ms against 100 ms: {1}")
    @CsvSource({"150, promote", "150.1, rollback"})
    void latency(double canaryP99, String expected) {
      Verdict verdict =
          analyze(new VersionStats(1000L, 0L, 100.0), new VersionStats(1000L, 0L, canaryP99));

      assertThat(verdict.verdict()).isEqualTo(expected);
    }

    @Test
    @DisplayName("given thresholds replace the defaults and are echoed as given")
    void givenThresholds() {
      Verdict verdict =
          CanaryAnalysis.analyze(
              new AnalyzeRequest(
                  stats(100, 3),
                  stats(5, 1),
                  new Thresholds(5L, 1L, null, 0.5, null),
                  null,
                  null,
                  null,
                  null,
                  null));

      assertThat(verdict.verdict()).isEqualTo(Verdict.PROMOTE);
      assertThat(verdict.thresholds())
          .extracting(ThresholdEcho::name, ThresholdEcho::value, ThresholdEcho::isDefault)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("minRequests", 5.0, false),
              org.assertj.core.groups.Tuple.tuple("minErrors", 1.0, false),
              org.assertj.core.groups.Tuple.tuple("alpha", 0.05, true),
              org.assertj.core.groups.Tuple.tuple("maxErrorRate", 0.5, false),
              org.assertj.core.groups.Tuple.tuple("maxLatencyRatio", 1.5, true),
              org.assertj.core.groups.Tuple.tuple("shareAlpha", 0.001, true),
              org.assertj.core.groups.Tuple.tuple("maxShareDeviation", 0.2, true),
              org.assertj.core.groups.Tuple.tuple("power", 0.8, true),
              org.assertj.core.groups.Tuple.tuple("maxTailRatio", 2.0, true));
    }
  }

  @Test
  @DisplayName("a rollback verdict on a route whose canary is not certain: no command, the choices")
  void rollbackWithoutCertainCanary() {
    Verdict verdict =
        CanaryAnalysis.analyze(
            new AnalyzeRequest(
                stats(100, 3),
                stats(100, 12),
                null,
                dev.trafficengineer.core.TestFiles.read("rollback/myapp-v1-live.yaml"),
                null,
                null,
                null,
                null));

    assertThat(verdict.verdict()).isEqualTo(Verdict.ROLLBACK);
    assertThat(verdict.rollbackCommand()).isNull();
    assertThat(verdict.reasons())
        .last()
        .extracting(Reason::text)
        .asString()
        .startsWith("Route: no rollback command, because the canary is not certain")
        .contains("to: \"myapp-v1\" -> nothing to change");
  }

  @Nested
  @DisplayName("refused input names the field")
  class Refused {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "stable.errors: 5 is more than the 3 requests it is part of|3|5|10|1",
          "canary.requests: -1 must be a count from 0 to 10^18|10|1|-1|0"
        })
    void counts(String message, long sn, long se, long cn, long ce) {
      assertThatThrownBy(() -> analyze(stats(sn, se), stats(cn, ce)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage(message);
    }

    @Test
    void missingCounts() {
      assertThatThrownBy(() -> analyze(null, stats(1, 0)))
          .hasMessageStartingWith("stable: (missing) is required: give {requests, errors}");
      assertThatThrownBy(() -> analyze(new VersionStats(1L, null, null), stats(1, 0)))
          .hasMessage("stable.errors: (missing) is required");
    }

    @Test
    void thresholds() {
      assertThatThrownBy(
              () ->
                  CanaryAnalysis.analyze(
                      new AnalyzeRequest(
                          stats(1, 0),
                          stats(1, 0),
                          new Thresholds(null, null, 0.0, null, null),
                          null,
                          null,
                          null,
                          null,
                          null)))
          .hasMessage("thresholds.alpha: 0.0 must be a probability above 0, at most 0.5");
    }
  }

  static VersionStats stats(long requests, long errors) {
    return new VersionStats(requests, errors, null);
  }

  static Verdict analyze(VersionStats stable, VersionStats canary) {
    return CanaryAnalysis.analyze(
        new AnalyzeRequest(stable, canary, null, null, null, null, null, null));
  }
}
