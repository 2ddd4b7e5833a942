package dev.trafficengineer.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathRulesTest {

  @Test
  void acceptsNormalPaths() {
    assertThat(PathRules.problem("/")).isNull();
    assertThat(PathRules.problem("/api/v1/%20items~x")).isNull();
  }

  @Test
  void quotesTheUpstreamMessages() {
    assertThat(PathRules.problem("api"))
        .isEqualTo(
            "value must be an absolute path and start with \u0027/\u0027 when type one of [\u0027Exact\u0027, \u0027PathPrefix\u0027]");
    assertThat(PathRules.problem("/a/./b")).startsWith("must not contain \u0027/./\u0027");
    assertThat(PathRules.problem("/a%2fb")).startsWith("must not contain \u0027%2f\u0027");
    assertThat(PathRules.problem("/a#b")).startsWith("must not contain \u0027#\u0027");
    assertThat(PathRules.problem("/a/.")).startsWith("must not end with \u0027/.\u0027");
    assertThat(PathRules.problem("/a/..")).startsWith("must not end with \u0027/..\u0027");
    assertThat(PathRules.problem("/a[b]")).startsWith("must only contain valid characters");
    assertThat(PathRules.problem("/" + "a".repeat(1024))).contains("1024");
  }
}
