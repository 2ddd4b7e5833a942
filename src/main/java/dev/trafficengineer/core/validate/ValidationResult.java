package dev.trafficengineer.core.validate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The outcome of {@link RouteValidator#validate}.
 *
 * @param valid true when no finding is an error; warnings and notes never make a route invalid
 * @param findings every finding, ordered by line
 * @param context what the input held beside the routes, when it held a Gateway or a ReferenceGrant
 *     (the cross-resource checks ran); otherwise left out
 * @param crd the CRDs that judged the routes, when the caller supplied them; otherwise left out
 */
public record ValidationResult(
    boolean valid,
    List<Finding> findings,
    @JsonInclude(JsonInclude.Include.NON_NULL) ContextSummary context,
    @JsonInclude(JsonInclude.Include.NON_NULL) CrdReport crd) {

  public ValidationResult {
    findings = List.copyOf(findings);
  }

  public ValidationResult(boolean valid, List<Finding> findings) {
    this(valid, findings, null, null);
  }

  public ValidationResult(boolean valid, List<Finding> findings, ContextSummary context) {
    this(valid, findings, context, null);
  }
}
