package dev.trafficengineer.core.crd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.crd.Violation.Kind;
import dev.trafficengineer.core.yaml.YamlReader;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RuleCheckTest {

  @Test
  @DisplayName("messageExpression and fieldPath shape the message; oldSelf rules skip a create")
  void messageExpressionFieldPathAndTransitionRules() {
    RouteCrd crd =
        RouteCrds.parse(CrdRouteValidatorTest.fixture("rules-crd.yaml")).forKind("HTTPRoute");
    List<Violation> violations =
        RouteJudge.judge(
            YamlReader.read(CrdRouteValidatorTest.fixture("three-hostnames-route.yaml"))
                .get(0)
                .tree(),
            crd,
            new CelBudget());
    assertThat(violations)
        .extracting(Violation::kind, Violation::pointer, Violation::detail)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                Kind.RULE, "/spec/hostnames", "forbidden.example may not be routed"),
            org.assertj.core.groups.Tuple.tuple(
                Kind.RULE, "/spec/hostnames", "at most 2 hostnames, got 3"));
  }
}
