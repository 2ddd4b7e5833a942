package dev.trafficengineer.core.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.trafficengineer.core.TestFiles;
import dev.trafficengineer.core.validate.Finding;
import dev.trafficengineer.core.validate.ValidateRequest;
import dev.trafficengineer.core.validate.ValidationResult;
import dev.trafficengineer.core.yaml.YamlReader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@DisplayName("CEL evaluation within a budget: a costly CRD rule cannot stall the validator")
class CelBudgetTest {

  @Test
  @DisplayName("a rule costing 27 million iterations stops at the bound: not judged, never a pass")
  void costlyRuleStops() {
    ValidateRequest request =
        new ValidateRequest(
            CrdRouteValidatorTest.fixture("many-hostnames-route.yaml"),
            null,
            CrdRouteValidatorTest.fixture("costly-rule-crd.yaml"),
            null);

    // Unbounded, the rule runs for minutes (its nodes are evaluated about 240 million times).
    ValidationResult result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60), () -> CrdRouteValidator.validate(request));

    assertThat(result.valid()).isFalse();
    // The built-in review's own findings (no parentRefs, no rules) stand beside it.
    List<Finding> schemaErrors =
        result.findings().stream().filter(f -> f.code().startsWith("TE1")).toList();
    assertThat(schemaErrors)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("TE103");
              assertThat(f.severity()).isEqualTo(Finding.ERROR);
              assertThat(f.path()).isEqualTo("/spec");
              assertThat(f.message())
                  .contains("not judged", "more than 10,000,000 steps on this document");
              assertThat(f.fix()).contains("kubectl apply --dry-run=server", "self.hostnames.all");
            });
  }

  @Test
  @DisplayName("the Gateway API's own rules take a small share of the bound on a full route")
  void gatewayRulesFitEasily() {
    SharedCrds.assumePresent();
    JsonNode route = YamlReader.read(TestFiles.read("golden/lesson-combined.yaml")).get(0).tree();
    CelBudget budget = new CelBudget();

    List<Violation> violations =
        RouteJudge.judge(route, SharedCrds.crd("v1.6.1", "experimental", "httproutes"), budget);

    assertThat(violations).isEmpty();
    // 10,000 such routes in one call must fit the call's bound too.
    assertThat(budget.used()).isPositive().isLessThan(CelBudget.PER_CALL / 10_000);
  }

  @Test
  @DisplayName("once the call's budget is spent, every later document is not judged either")
  void spentCallBudget() {
    RouteCrd crd =
        RouteCrds.parse(CrdRouteValidatorTest.fixture("rules-crd.yaml")).forKind("HTTPRoute");
    JsonNode route =
        YamlReader.read(CrdRouteValidatorTest.fixture("three-hostnames-route.yaml")).get(0).tree();
    CelBudget budget = new CelBudget(1_000_000, 5);

    List<Violation> first = RouteJudge.judge(route, crd, budget);
    List<Violation> second = RouteJudge.judge(route, crd, budget);

    for (List<Violation> violations : List.of(first, second)) {
      assertThat(violations)
          .filteredOn(v -> v.kind() == Violation.Kind.OVER_BUDGET)
          .singleElement()
          .satisfies(v -> assertThat(v.detail()).contains("more than 5 steps in all"));
    }
    // The second document ran no rule at all: its fix says why, naming no rule.
    assertThat(second)
        .filteredOn(v -> v.kind() == Violation.Kind.OVER_BUDGET)
        .singleElement()
        .satisfies(
            v ->
                assertThat(ViolationFindings.fix(v))
                    .contains("validate fewer routes at once")
                    .doesNotContain("null"));
  }
}
