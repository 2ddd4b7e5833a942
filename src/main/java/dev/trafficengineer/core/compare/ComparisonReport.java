package dev.trafficengineer.core.compare;

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
          .append(finding.message())
          .append('\n');
      if (ComparedFinding.INTRODUCED.equals(finding.change())) {
        text.append("    fix: ").append(finding.fix()).append('\n');
      }
    }
    text.append(result.valid() ? "ok" : "blocked: the change introduces an error")
        .append(": ")
        .append(result.introduced())
        .append(" introduced, ")
        .append(result.fixed())
        .append(" fixed, ")
        .append(result.unchanged())
        .append(" unchanged\n");
    return text.toString();
  }
}
