package dev.trafficengineer.core.validate;

import static dev.trafficengineer.core.validate.Checked.CANARY;
import static dev.trafficengineer.core.validate.Checked.codes;
import static dev.trafficengineer.core.validate.Checked.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameCheckTest {

  @Test
  void validNamesPass() {
    assertThat(run(CANARY, NameCheck::check)).isEmpty();
  }

  @Test
  void upperCaseRouteNameIsRefusedWithALowerCaseSuggestion() {
    assertThat(run(CANARY.replace("name: task-api\n", "name: Task_API\n"), NameCheck::check))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("TE104");
              assertThat(f.fix()).contains("\"task-api\"");
            });
  }

  @Test
  void namespacesMustBeLabels() {
    assertThat(
            codes(
                run(
                    CANARY.replace("namespace: task-api", "namespace: task.api"),
                    NameCheck::check)))
        .containsExactly("TE104");
  }

  @Test
  void groupAndKindFollowTheirPatterns() {
    String yaml =
        CANARY.replace(
            "- name: task-api-canary\n",
            "- name: task-api-canary\n          group: \"*\"\n          kind: \"*\"\n");

    assertThat(codes(run(yaml, NameCheck::check))).containsExactly("TE104", "TE104");
  }

  @Test
  void missingNamespaceIsAWarning() {
    assertThat(run(CANARY.replace("  namespace: task-api\n", ""), NameCheck::check))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("TE405");
              assertThat(f.severity()).isEqualTo(Finding.WARNING);
            });
  }
}
