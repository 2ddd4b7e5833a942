package dev.trafficengineer.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.trafficengineer.core.TestFiles;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A route's regular expressions and a request's path and headers both come from the user, so a
 * backtracking engine would let one input hang the server. The deadline is not a performance bound:
 * RE2 answers in microseconds, java.util.regex would need longer than the age of this project for
 * these inputs.
 */
@DisplayName("regular expressions are matched in linear time, as Envoy's RE2 does")
class HostileRegexTest {
  private static final String ROUTES = TestFiles.read("simulate/regex/hostile-patterns.yaml");
  private static final Duration HANG = Duration.ofSeconds(20);

  @Test
  @DisplayName("nested quantifiers on a 40-character path: no match, answered at once")
  void nestedQuantifier() {
    RequestResult result =
        simulate(new RequestSpec("/" + "a".repeat(40), null, null, null, null, null, null));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.backends()).extracting(SimulatedBackend::name).containsExactly("fallback");
  }

  @Test
  @DisplayName("an ambiguous alternation on a header value: no match, answered at once")
  void alternationInHeader() {
    RequestResult result =
        simulate(
            new RequestSpec("/h", null, Map.of("x-id", "x".repeat(40)), null, null, null, null));

    assertThat(result.backends()).extracting(SimulatedBackend::name).containsExactly("fallback");
  }

  @Test
  @DisplayName("look-ahead is not RE2: the rule matches nothing, as Envoy would not take it")
  void lookAhead() {
    RequestResult result = simulate(new RequestSpec("/lookup", null, null, null, null, null, null));

    assertThat(result.backends()).extracting(SimulatedBackend::name).containsExactly("fallback");
  }

  private static RequestResult simulate(RequestSpec request) {
    return assertTimeoutPreemptively(
        HANG,
        () ->
            Simulator.simulate(new SimulateRequest(ROUTES, List.of(request), null))
                .results()
                .get(0));
  }
}
