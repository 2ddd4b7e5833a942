package dev.trafficengineer.core.crd;

import dev.trafficengineer.core.crd.Violation.Kind;
import java.util.List;
import java.util.Map;

/**
 * Evaluates every {@code x-kubernetes-validations} rule on the node it is declared on, with {@code
 * self} bound to that node's (defaulted) value, as the API server does after the schema checks.
 */
final class RuleCheck {

  private final List<Violation> violations;
  private final CelBudget budget;
  private String stoppedAt = "";
  private String stoppedRule;

  RuleCheck(List<Violation> violations, CelBudget budget) {
    this.violations = violations;
    this.budget = budget;
  }

  /**
   * Checks every rule of the document; when the budget runs out (here or in an earlier document of
   * the call) the document gets one violation saying it was not judged, and no more rules run.
   */
  void checkDocument(Map<String, Object> object, SchemaNode schema) {
    budget.startDocument();
    check(object, schema, "");
    if (budget.exhausted()) {
      violations.add(
          new Violation(Kind.OVER_BUDGET, stoppedAt, null, budget.reason(), stoppedRule));
    }
  }

  private void check(Object value, SchemaNode schema, String pointer) {
    if (value == null || budget.exhausted()) {
      return;
    }
    for (CelRule rule : schema.rules) {
      String failure = rule.check(value, budget);
      if (budget.exhausted()) {
        stoppedAt = pointer;
        stoppedRule = rule.rule;
        return;
      }
      if (failure != null) {
        String at = rule.fieldPath == null ? pointer : pointer + pointerOf(rule.fieldPath);
        violations.add(
            new Violation(
                rule.compileError() == null ? Kind.RULE : Kind.UNEVALUATED,
                at,
                PlainValues.describe(value),
                failure,
                rule.rule));
      }
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String name = String.valueOf(entry.getKey());
        SchemaNode child = schema.property(name);
        if (child != null) {
          check(entry.getValue(), child, pointer + "/" + StructuralCheck.escape(name));
        }
      }
    } else if (value instanceof List<?> list && schema.items != null) {
      for (int i = 0; i < list.size(); i++) {
        check(list.get(i), schema.items, pointer + "/" + i);
      }
    }
  }

  /** A rule's fieldPath ({@code .spec.foo['bar']}) as a JSON Pointer suffix. */
  private static String pointerOf(String fieldPath) {
    StringBuilder pointer = new StringBuilder();
    for (String part : fieldPath.replace("['", ".").replace("']", "").split("\\.")) {
      if (!part.isEmpty()) {
        pointer.append('/').append(StructuralCheck.escape(part));
      }
    }
    return pointer.toString();
  }
}
