package dev.trafficengineer.core.analysis;

/** Verdicts and queries as a person reads them, in a terminal or a chat. */
public final class AnalysisText {
  private AnalysisText() {}

  public static String of(Verdict verdict) {
    StringBuilder text =
        new StringBuilder("Verdict: ").append(verdict.verdict().toUpperCase(java.util.Locale.ROOT));
    text.append(" (").append(verdict.source()).append(")\n");
    if (verdict.cause() != null) {
      text.append("Cause: ").append(verdict.cause()).append('\n');
    }
    text.append("\nWhy:\n");
    verdict
        .reasons()
        .forEach(
            reason ->
                text.append("- ")
                    .append(
                        Reason.NONE.equals(reason.effect())
                            ? ""
                            : "[" + reason.effect() + ": " + reason.cause() + "] ")
                    .append(reason.text())
                    .append('\n'));
    if (verdict.rollbackCommand() != null) {
      text.append("\nRoll back now (guarded: kubectl refuses it if the route changed):\n    ")
          .append(verdict.rollbackCommand())
          .append('\n');
    }
    text.append("\nThresholds:\n");
    for (ThresholdEcho threshold : verdict.thresholds()) {
      text.append("- ")
          .append(threshold.name())
          .append(" = ")
          .append(CanaryAnalysis.number(threshold.value()))
          .append(threshold.isDefault() ? " (default)" : " (given)")
          .append('\n');
    }
    return text.toString();
  }

  public static String of(QueriesResult result) {
    StringBuilder text = new StringBuilder();
    for (PromQuery query : result.queries()) {
      text.append("# ")
          .append(query.title())
          .append(" (")
          .append(query.id())
          .append(")\n# ")
          .append(query.meaning().replace("\n", "\n# "))
          .append('\n')
          .append(query.query())
          .append("\n\n");
    }
    return text.append("# compare-versions.sh\n").append(result.compareVersionsScript()).toString();
  }
}
