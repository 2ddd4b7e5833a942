package dev.trafficengineer.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("HTTP settings")
class HttpSettingsTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0.0.0.0", "::", "10.1.2.3", "no-such-host.invalid"})
  @DisplayName("refuse a non-loopback address without a token")
  void refusesPublicWithoutToken(String host) {
    assertThatThrownBy(() -> new HttpSettings(host, 8931, false, null, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refusing to listen on " + host)
        .hasMessageContaining("--token-file");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"127.0.0.1", "localhost", "::1"})
  @DisplayName("accept loopback without a token")
  void acceptsLoopback(String host) {
    assertThat(new HttpSettings(host, 8931, false, null, List.of(), List.of()).host())
        .isEqualTo(host);
  }

  @Test
  @DisplayName("accept a public address with a token")
  void acceptsPublicWithToken() {
    assertThat(new HttpSettings("0.0.0.0", 8931, true, "t", List.of(), List.of()).token())
        .isEqualTo("t");
  }

  @Test
  @DisplayName("refuse an empty token")
  void refusesEmptyToken() {
    assertThatThrownBy(() -> new HttpSettings("0.0.0.0", 8931, false, " ", List.of(), List.of()))
        .hasMessageContaining("token file is empty");
  }
}
