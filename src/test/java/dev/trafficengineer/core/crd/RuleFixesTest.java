package dev.trafficengineer.core.crd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.crd.Violation.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RuleFixesTest {

  @Test
  @DisplayName("every CEL rule of the shared CRDs has a fix of its own")
  void everyGatewayRuleIsMapped() {
    SharedCrds.assumePresent();
    Set<String> generic = new TreeSet<>();
    for (Path file : SharedCrds.crdFiles()) {
      RouteCrd crd = SharedCrds.crd(file);
      for (String version : crd.servedVersions()) {
        List<CelRule> rules = new ArrayList<>();
        crd.schema(version).collectRules(rules);
        for (CelRule rule : rules) {
          Violation violation =
              new Violation(Kind.RULE, rule.location, "object", rule.message, rule.rule);
          if (RuleFixes.of(violation).startsWith("Change the route so that")) {
            generic.add(
                ViolationFindings.code(violation) + " " + rule.location + ": " + rule.message);
          }
        }
      }
    }
    assertThat(generic).isEmpty();
  }
}
