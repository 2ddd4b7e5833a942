package dev.trafficengineer.core.compare;

import java.util.List;

/**
 * The outcome of {@link RouteComparison#compare}.
 *
 * @param valid false when the change introduces an error: what a pull request check should block
 * @param findings introduced first, then fixed, then unchanged; each group in input order
 */
public record ComparisonResult(
    boolean valid, int introduced, int fixed, int unchanged, List<ComparedFinding> findings) {

  public ComparisonResult {
    findings = List.copyOf(findings);
  }
}
