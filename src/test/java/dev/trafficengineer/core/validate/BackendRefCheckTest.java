package dev.trafficengineer.core.validate;

import static dev.trafficengineer.core.validate.Checked.CANARY;
import static dev.trafficengineer.core.validate.Checked.codes;
import static dev.trafficengineer.core.validate.Checked.run;
import static dev.trafficengineer.core.validate.Checked.withRules;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackendRefCheckTest {

  @Test
  void canaryPasses() {
    assertThat(run(CANARY, BackendRefCheck::check)).isEmpty();
  }

  @Test
  void servicesNeedPortsOtherKindsDoNot() {
    assertThat(run(withRules("    - backendRefs: [{name: s}]\n"), BackendRefCheck::check))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("Must have port for Service reference"));
    assertThat(
            run(
                withRules(
                    "    - backendRefs: [{name: b, group: storage.example.com, kind: Bucket}]\n"),
                BackendRefCheck::check))
        .isEmpty();
  }

  @Test
  void theSameBackendTwiceIsAWarning() {
    assertThat(
            run(
                withRules(
                    "    - backendRefs: [{name: s, port: 80}, {name: s, port: 80, kind: Service}]\n"),
                BackendRefCheck::check))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("TE204");
              assertThat(f.path()).isEqualTo("/spec/rules/0/backendRefs/1");
            });
    assertThat(
            run(
                withRules("    - backendRefs: [{name: s, port: 80}, {name: s, port: 81}]\n"),
                BackendRefCheck::check))
        .isEmpty();
  }

  @Test
  void aRuleWithoutBackendsOrRedirectGets500() {
    assertThat(
            codes(run(withRules("    - matches: [{path: {value: /}}]\n"), BackendRefCheck::check)))
        .containsExactly("TE205");
    assertThat(
            run(
                withRules(
                    "    - filters: [{type: RequestRedirect, requestRedirect: {scheme: https}}]\n"),
                BackendRefCheck::check))
        .isEmpty();
  }

  @Test
  void crossNamespaceReferencesNeedAGrant() {
    assertThat(
            codes(
                run(
                    withRules("    - backendRefs: [{name: s, port: 80, namespace: other}]\n"),
                    BackendRefCheck::check)))
        .containsExactly("TE401");
    assertThat(
            run(
                withRules("    - backendRefs: [{name: s, port: 80, namespace: task-api}]\n"),
                BackendRefCheck::check))
        .isEmpty();
  }
}
