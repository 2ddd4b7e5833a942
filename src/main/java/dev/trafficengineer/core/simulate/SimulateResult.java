package dev.trafficengineer.core.simulate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One result per request, in order, notes about the input (skipped documents ...), and with a
 * session model the effective shares users get (left out otherwise).
 */
public record SimulateResult(
    List<RequestResult> results,
    List<String> notes,
    @JsonInclude(JsonInclude.Include.NON_NULL) SessionOutcome sessions) {

  /** Without a session model. */
  public SimulateResult(List<RequestResult> results, List<String> notes) {
    this(results, notes, null);
  }
}
