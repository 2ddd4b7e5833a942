package dev.trafficengineer.mcp;

import dev.trafficengineer.core.analysis.AnalysisText;
import dev.trafficengineer.core.analysis.AnalyzeRequest;
import dev.trafficengineer.core.analysis.CanaryAnalysis;
import dev.trafficengineer.core.analysis.Verdict;
import dev.trafficengineer.metrics.PrometheusCounts;

final class AnalyzeCanaryTool extends CoreTool<AnalyzeRequest, Verdict> {
  AnalyzeCanaryTool() {
    super(
        "analyze_canary",
        "Judge a canary: promote, hold or roll back",
        AnalyzeRequest.class,
        Verdict.class);
  }

  @Override
  String description() {
    return """
        Decide whether a canary should be promoted, held or rolled back, from per-version \
        request and error counts (and optional p99 latency or histogram buckets). First the \
        data plane: with declared weights or routeYaml, the canary's observed share is tested \
        against the declared one (exact binomial test; hold, cause share-mismatch); a canary \
        with no or near-zero traffic holds (no-traffic), and one with too few requests for \
        the configured power holds (thin-traffic, with how many more are needed). Then \
        Fisher's exact test on the error rates, a ceiling on the canary's error rate, a p99 \
        ratio, and with buckets a tail comparison (latency). Every reason carries its cause. \
        Give stable and canary counts (offline), or \
        prometheusUrl with queries.namespace to read the window's counts from that Prometheus \
        over its HTTP API (the only case where this tool contacts anything). With routeYaml, a \
        rollback verdict includes the guarded kubectl patch command. Returns the verdict, the \
        reasons with the numbers to check by hand, the thresholds used: tell the user the \
        verdict and the deciding reason; on rollback show the command, on hold say what to \
        wait for.""";
  }

  /** With prometheusUrl the tool reads from a server the caller names. */
  @Override
  boolean openWorld() {
    return true;
  }

  @Override
  Verdict call(AnalyzeRequest request) {
    return CanaryAnalysis.analyze(PrometheusCounts.resolve(request));
  }

  @Override
  String text(Verdict result) {
    return AnalysisText.of(result);
  }
}
