package dev.trafficengineer.core.compare;

import dev.trafficengineer.core.simulate.Percent;
import dev.trafficengineer.core.validate.Finding;

/** A change review for a person: introduced findings first, with their fixes, then the rest. */
public final class ComparisonReport {
  private ComparisonReport() {}

  public static String render(ComparisonResult result) {
    StringBuilder text = new StringBuilder();
    for (ComparedFinding finding : result.findings()) {
      text.append(finding.change())
          .append(' ')
          .append(finding.severity())
          .append(' ')
          .append(finding.code())
          .append(" in ")
          .append(finding.resource())
          .append(" at ")
          .append(finding.path().isEmpty() ? "/" : finding.path())
          .append(" (line ")
          .append(finding.line())
          .append(ComparedFinding.FIXED.equals(finding.change()) ? " before" : " after")
          .append("): ")
          .append(finding.message());
      if (ComparedFinding.CHANGED.equals(finding.change())) {
        text.append(" Failing before: ")
            .append(share(finding.impactBefore()))
            .append(", after: ")
            .append(share(finding.impact()))
            .append('.');
      }
      text.append('\n');
      if (ComparedFinding.INTRODUCED.equals(finding.change()) || finding.worse()) {
        text.append("    fix: ").append(finding.fix()).append('\n');
      }
    }
    text.append(verdict(result))
        .append(": ")
        .append(result.introduced())
        .append(" introduced, ")
        .append(result.fixed())
        .append(" fixed, ")
        .append(result.changed())
        .append(" changed, ")
        .append(result.unchanged())
        .append(" unchanged\n");
    return text.toString();
  }

  private static String verdict(ComparisonResult result) {
    if (result.valid()) {
      return "ok";
    }
    return result.findings().stream()
            .anyMatch(
                f ->
                    ComparedFinding.INTRODUCED.equals(f.change())
                        && Finding.ERROR.equals(f.severity()))
        ? "blocked: the change introduces an error"
        : "blocked: the change makes more traffic fail";
  }

  private static String share(Double impact) {
    return impact == null ? "not computed" : Percent.of(impact);
  }
}
