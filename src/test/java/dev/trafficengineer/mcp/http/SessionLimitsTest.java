package dev.trafficengineer.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Session limits: durations as people write them")
class SessionLimitsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({"90s, PT1M30S", "30m, PT30M", "2h, PT2H", "1s, PT1S"})
  void readsDurations(String text, Duration expected) {
    assertThat(SessionLimits.parseDuration(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"90s", "30m", "2h", "61s", "120m", "3600s"})
  void writesWhatItReads(String text) {
    Duration read = SessionLimits.parseDuration(text);

    assertThat(SessionLimits.parseDuration(SessionLimits.text(read))).isEqualTo(read);
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"0s", "30", "1d", "-5m", "PT30M", "1 m", ""})
  void refusesOtherText(String text) {
    assertThatThrownBy(() -> SessionLimits.parseDuration(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a duration such as 90s, 30m or 2h");
  }
}
