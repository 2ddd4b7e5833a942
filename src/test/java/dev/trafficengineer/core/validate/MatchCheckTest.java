package dev.trafficengineer.core.validate;

import static dev.trafficengineer.core.validate.Checked.codes;
import static dev.trafficengineer.core.validate.Checked.run;
import static dev.trafficengineer.core.validate.Checked.withRules;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MatchCheckTest {

  private static String match(String match) {
    return withRules(
        "    - matches:\n        - " + match + "\n      backendRefs: [{name: s, port: 80}]\n");
  }

  @Test
  void ordinaryMatchesPass() {
    assertThat(
            run(
                match(
                    "{path: {type: Exact, value: /api}, method: GET, headers: [{name: x-a, value: b}], queryParams: [{name: q, value: v}]}"),
                MatchCheck::check))
        .isEmpty();
  }

  @Test
  void pathValuesFollowTheCelRules() {
    assertThat(run(match("{path: {value: /a//b}}"), MatchCheck::check))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("TE108");
              assertThat(f.message()).contains("must not contain \u0027//\u0027 when type one of");
            });
  }

  @Test
  void regularExpressionPathsSkipThePathRulesButAreNoted() {
    assertThat(
            run(match("{path: {type: RegularExpression, value: \"/a//b.*\"}}"), MatchCheck::check))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("TE304");
              assertThat(f.severity()).isEqualTo(Finding.INFO);
            });
  }

  @Test
  void enumsAreExact() {
    assertThat(codes(run(match("{path: {type: Prefix}}"), MatchCheck::check)))
        .containsExactly("TE114");
    assertThat(codes(run(match("{method: get}"), MatchCheck::check))).containsExactly("TE114");
    assertThat(
            codes(run(match("{headers: [{name: a, value: b, type: Regex}]}"), MatchCheck::check)))
        .containsExactly("TE114");
  }

  @Test
  void headerNamesAreTokensAndUnique() {
    assertThat(codes(run(match("{headers: [{name: \"a b\", value: c}]}"), MatchCheck::check)))
        .containsExactly("TE109");
    assertThat(
            codes(
                run(
                    match("{headers: [{name: a, value: b}, {name: a, value: c}]}"),
                    MatchCheck::check)))
        .containsExactly("TE109");
    assertThat(
            codes(
                run(
                    match("{headers: [{name: a, value: b}, {name: A, value: c}]}"),
                    MatchCheck::check)))
        .containsExactly("TE303");
  }

  @Test
  void queryParameterNamesAreCaseSensitive() {
    assertThat(
            run(
                match("{queryParams: [{name: a, value: b}, {name: A, value: c}]}"),
                MatchCheck::check))
        .isEmpty();
  }

  @Test
  void valuesAreRequiredAndBounded() {
    assertThat(codes(run(match("{headers: [{name: a}]}"), MatchCheck::check)))
        .containsExactly("TE109");
    assertThat(
            codes(
                run(
                    match("{queryParams: [{name: a, value: \"" + "x".repeat(1025) + "\"}]}"),
                    MatchCheck::check)))
        .containsExactly("TE109");
  }
}
