package dev.trafficengineer.core.validate;

import static dev.trafficengineer.core.validate.Checked.CANARY;
import static dev.trafficengineer.core.validate.Checked.codes;
import static dev.trafficengineer.core.validate.Checked.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParentRefCheckTest {

  private static String parents(String refs) {
    return CANARY.replace("    - name: task-api-gateway\n", refs);
  }

  @Test
  void oneParentPasses() {
    assertThat(run(CANARY, ParentRefCheck::check)).isEmpty();
  }

  @Test
  void noParentRefsAttachesNowhere() {
    assertThat(codes(run(parents(""), ParentRefCheck::check))).containsExactly("TE404");
  }

  @Test
  void twoListenersOfOneGatewayNeedSectionNames() {
    assertThat(
            run(
                parents(
                    "    - {name: gw, sectionName: http}\n    - {name: gw, sectionName: https}\n"),
                ParentRefCheck::check))
        .isEmpty();
    assertThat(
            run(
                parents("    - {name: gw, sectionName: http}\n    - {name: gw}\n"),
                ParentRefCheck::check))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("sectionName must be specified"));
    assertThat(run(parents("    - {name: gw}\n    - {name: gw}\n"), ParentRefCheck::check))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("sectionName must be unique"));
  }

  @Test
  void anExplicitNamespaceIsADifferentParentAsInTheCel() {
    assertThat(
            run(
                parents("    - {name: gw}\n    - {name: gw, namespace: infra}\n"),
                ParentRefCheck::check))
        .isEmpty();
  }

  @Test
  void parentPortsAreInRange() {
    assertThat(codes(run(parents("    - {name: gw, port: 70000}\n"), ParentRefCheck::check)))
        .containsExactly("TE107");
  }
}
