package dev.trafficengineer.core.validate;

import static dev.trafficengineer.core.validate.Checked.codes;
import static dev.trafficengineer.core.validate.Checked.run;
import static dev.trafficengineer.core.validate.Checked.withRules;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LimitCheckTest {

  @Test
  void sixteenBackendsPassSeventeenFail() {
    StringBuilder rules = new StringBuilder("    - backendRefs:\n");
    for (int i = 0; i < 16; i++) {
      rules.append("        - {name: s").append(i).append(", port: 80}\n");
    }
    assertThat(run(withRules(rules.toString()), LimitCheck::check)).isEmpty();

    rules.append("        - {name: s16, port: 80}\n");
    assertThat(run(withRules(rules.toString()), LimitCheck::check))
        .singleElement()
        .satisfies(f -> assertThat(f.path()).isEqualTo("/spec/rules/0/backendRefs"));
  }

  @Test
  void exactly128MatchesPass() {
    assertThat(run(withRules(rulesWithMatches(2, 64)), LimitCheck::check)).isEmpty();
    assertThat(codes(run(withRules(rulesWithMatches(3, 43)), LimitCheck::check)))
        .containsExactly("TE105");
  }

  @Test
  void emptyRulesAreRefused() {
    assertThat(
            codes(
                run(
                    withRules("    []\n").replace("rules:\n    []", "rules: []"),
                    LimitCheck::check)))
        .containsExactly("TE105");
  }

  private static String rulesWithMatches(int rules, int matches) {
    StringBuilder text = new StringBuilder();
    for (int r = 0; r < rules; r++) {
      text.append("    - matches:\n");
      for (int m = 0; m < matches; m++) {
        text.append("        - path: {value: /r").append(r).append("m").append(m).append("}\n");
      }
      text.append("      backendRefs: [{name: s, port: 80}]\n");
    }
    return text.toString();
  }
}
