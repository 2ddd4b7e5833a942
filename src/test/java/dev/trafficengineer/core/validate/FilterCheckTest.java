package dev.trafficengineer.core.validate;

import static dev.trafficengineer.core.validate.Checked.CANARY;
import static dev.trafficengineer.core.validate.Checked.codes;
import static dev.trafficengineer.core.validate.Checked.run;
import static dev.trafficengineer.core.validate.Checked.withRules;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FilterCheckTest {

  private static final String BACKENDS = "      backendRefs: [{name: s, port: 80}]\n";

  private static String filters(String filters, String rest) {
    return withRules("    - filters:\n" + filters + rest);
  }

  @Test
  void aHeaderModifierWithBackendsPasses() {
    assertThat(
            run(
                filters(
                    "        - {type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: a, value: b}]}}\n",
                    BACKENDS),
                FilterCheck::check))
        .isEmpty();
  }

  @Test
  void redirectMustNotHaveBackends() {
    assertThat(
            run(
                filters(
                    "        - {type: RequestRedirect, requestRedirect: {scheme: https}}\n",
                    BACKENDS),
                FilterCheck::check))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("TE111");
              assertThat(f.message())
                  .startsWith("RequestRedirect filter must not be used together with backendRefs");
            });
  }

  @Test
  void uniqueTypesCannotRepeatButMirrorsCan() {
    String modifier =
        "        - {type: ResponseHeaderModifier, responseHeaderModifier: {remove: [a]}}\n";
    String mirror =
        "        - {type: RequestMirror, requestMirror: {backendRef: {name: m, port: 80}}}\n";

    assertThat(run(filters(modifier + modifier, BACKENDS), FilterCheck::check))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .startsWith("ResponseHeaderModifier filter cannot be repeated"));
    assertThat(run(filters(mirror + mirror, BACKENDS), FilterCheck::check)).isEmpty();
  }

  @Test
  void configMustMatchType() {
    assertThat(
            run(
                filters(
                    "        - {type: URLRewrite, requestRedirect: {scheme: https}}\n", BACKENDS),
                FilterCheck::check))
        .extracting(Finding::message)
        .containsExactly(
            "filter.requestRedirect must be nil if the filter.type is not RequestRedirect.",
            "filter.urlRewrite must be specified for URLRewrite filter.type.");
  }

  @Test
  void redirectAndRewriteExcludeEachOther() {
    String both =
        "        - {type: RequestRedirect, requestRedirect: {scheme: https}}\n        - {type: URLRewrite, urlRewrite: {hostname: a.example.com}}\n";

    assertThat(run(filters(both, ""), FilterCheck::check))
        .extracting(Finding::message)
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith(
                        "May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both"));
  }

  @Test
  void replacePrefixMatchNeedsExactlyOnePrefixMatch() {
    String rewrite =
        "      filters:\n        - {type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /v2}}}\n"
            + BACKENDS;

    assertThat(
            run(withRules("    - matches: [{path: {value: /v1}}]\n" + rewrite), FilterCheck::check))
        .isEmpty();
    assertThat(
            run(
                withRules("    - matches: [{path: {type: Exact, value: /v1}}]\n" + rewrite),
                FilterCheck::check))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .startsWith(
                        "When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified"));
  }

  @Test
  void backendFiltersUseTheirOwnMessage() {
    String yaml =
        withRules(
            "    - matches: [{path: {value: /a}}, {path: {value: /b}}]\n      backendRefs:\n        - name: s\n          port: 80\n          filters:\n            - {type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /v2}}}\n");

    assertThat(run(yaml, FilterCheck::check))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .startsWith("Within backendRefs, When using URLRewrite filter"));
  }

  @Test
  void unknownTypeIsAnEnumError() {
    assertThat(codes(run(filters("        - {type: Retry}\n", BACKENDS), FilterCheck::check)))
        .containsExactly("TE114");
  }

  @Test
  void canaryHasNoFilters() {
    assertThat(run(CANARY, FilterCheck::check)).isEmpty();
  }
}
