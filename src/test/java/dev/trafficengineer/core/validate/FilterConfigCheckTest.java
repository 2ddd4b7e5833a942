package dev.trafficengineer.core.validate;

import static dev.trafficengineer.core.validate.Checked.CANARY;
import static dev.trafficengineer.core.validate.Checked.codes;
import static dev.trafficengineer.core.validate.Checked.run;
import static dev.trafficengineer.core.validate.Checked.withRules;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FilterConfigCheckTest {

  private static String filter(String filter) {
    return withRules(
        "    - filters:\n        - " + filter + "\n      backendRefs: [{name: s, port: 80}]\n");
  }

  @Test
  void headerModifierNamesAreUniqueTokens() {
    assertThat(
            codes(
                run(
                    filter(
                        "{type: RequestHeaderModifier, requestHeaderModifier: {add: [{name: a, value: b}, {name: a, value: c}]}}"),
                    FilterCheck::check)))
        .containsExactly("TE111");
    assertThat(
            codes(
                run(
                    filter(
                        "{type: RequestHeaderModifier, requestHeaderModifier: {remove: [a, a]}}"),
                    FilterCheck::check)))
        .containsExactly("TE111");
    assertThat(
            codes(
                run(
                    filter(
                        "{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: \"a:b\", value: c}]}}"),
                    FilterCheck::check)))
        .containsExactly("TE111");
  }

  @Test
  void mirrorTakesPercentOrFractionNotBoth() {
    assertThat(
            run(
                filter(
                    "{type: RequestMirror, requestMirror: {backendRef: {name: m, port: 80}, percent: 10, fraction: {numerator: 1}}}"),
                FilterCheck::check))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .isEqualTo(
                        "Only one of percent or fraction may be specified in HTTPRequestMirrorFilter."));
  }

  @Test
  void mirroredServiceNeedsAPort() {
    assertThat(
            codes(
                run(
                    filter("{type: RequestMirror, requestMirror: {backendRef: {name: m}}}"),
                    FilterCheck::check)))
        .containsExactly("TE107");
  }

  @Test
  void redirectEnumsAndPort() {
    String yaml =
        withRules(
            "    - filters:\n        - {type: RequestRedirect, requestRedirect: {scheme: HTTPS, statusCode: 304, port: 0}}\n");

    assertThat(codes(run(yaml, FilterCheck::check))).containsExactly("TE114", "TE114", "TE107");
  }

  @Test
  void pathModifierTypeNamesItsField() {
    assertThat(
            run(
                filter(
                    "{type: URLRewrite, urlRewrite: {path: {type: ReplaceFullPath, replacePrefixMatch: /x}}}"),
                FilterCheck::check))
        .extracting(Finding::message)
        .containsExactly(
            "replaceFullPath must be specified when type is set to \u0027ReplaceFullPath\u0027.",
            "type must be \u0027ReplacePrefixMatch\u0027 when replacePrefixMatch is set.");
  }

  @Test
  void canaryPasses() {
    assertThat(run(CANARY, FilterCheck::check)).isEmpty();
  }
}
