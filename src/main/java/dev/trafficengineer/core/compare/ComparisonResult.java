package dev.trafficengineer.core.compare;

import java.util.List;

/**
 * The outcome of {@link RouteComparison#compare}.
 *
 * @param valid false when the change introduces an error or makes more of the traffic fail for an
 *     error it keeps: what a pull request check should block
 * @param changed findings in both states whose impact (the share of traffic that fails) differs
 * @param findings introduced first, then changed, fixed and unchanged; each group in input order
 */
public record ComparisonResult(
    boolean valid,
    int introduced,
    int fixed,
    int changed,
    int unchanged,
    List<ComparedFinding> findings) {

  public ComparisonResult {
    findings = List.copyOf(findings);
  }
}
