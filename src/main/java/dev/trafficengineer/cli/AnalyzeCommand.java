package dev.trafficengineer.cli;

import dev.trafficengineer.core.analysis.AnalysisText;
import dev.trafficengineer.core.analysis.AnalyzeRequest;
import dev.trafficengineer.core.analysis.CanaryAnalysis;
import dev.trafficengineer.core.analysis.Thresholds;
import dev.trafficengineer.core.analysis.Verdict;
import dev.trafficengineer.core.analysis.VersionStats;
import dev.trafficengineer.metrics.PrometheusCounts;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Counts as flags, or {@code --prometheus-url} to read them. Partly given counts are not filled
 * with zeros: the core refuses them by name, so a forgotten flag never reads as "no errors".
 */
@Command(
    name = "analyze",
    description = {
      "Judge a canary against stable: promote, hold or rollback (tool analyze_canary).",
      "Exits 1 when the verdict is rollback, 0 for promote and hold."
    },
    footer = {
      "",
      "Examples (the lesson's 3 stable against 12 canary errors in 100 requests each):",
      "  traffic-engineer analyze --stable-requests 100 --stable-errors 3 \\",
      "    --canary-requests 100 --canary-errors 12 -f task-api-canary-route.yaml",
      "  traffic-engineer analyze --prometheus-url http://127.0.0.1:9090 --namespace task-api"
    })
final class AnalyzeCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Mixin SeriesOptions series;

  @Option(names = "--stable-requests", description = "Requests stable served in the window.")
  Long stableRequests;

  @Option(names = "--stable-errors", description = "How many of them failed.")
  Long stableErrors;

  @Option(names = "--stable-p99-ms", description = "Stable p99 latency in milliseconds.")
  Double stableP99Ms;

  @Option(names = "--canary-requests", description = "Requests the canary served in the window.")
  Long canaryRequests;

  @Option(names = "--canary-errors", description = "How many of them failed.")
  Long canaryErrors;

  @Option(names = "--canary-p99-ms", description = "Canary p99 latency in milliseconds.")
  Double canaryP99Ms;

  @Option(
      names = "--prometheus-url",
      description = "Read the counts from this Prometheus (e.g. http://127.0.0.1:9090).")
  String prometheusUrl;

  @Option(
      names = "--time",
      description = "With --prometheus-url: end of the window, RFC 3339 or Unix seconds.")
  String time;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE|-",
      description = "The HTTPRoute with the canary split: a rollback verdict prints its command.")
  String file;

  @Option(names = "--canary-service", description = "The canary's Service in the route.")
  String canaryService;

  @Option(names = "--min-requests", description = "Canary requests needed (default 100).")
  Long minRequests;

  @Option(names = "--min-errors", description = "Canary errors a rollback needs (default 5).")
  Long minErrors;

  @Option(names = "--alpha", description = "Significance level (default 0.05).")
  Double alpha;

  @Option(names = "--max-error-rate", description = "Canary error-rate ceiling (default 0.05).")
  Double maxErrorRate;

  @Option(names = "--max-latency-ratio", description = "Largest p99 ratio (default 1.5).")
  Double maxLatencyRatio;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  ReportFormat output;

  private final Streams streams;

  AnalyzeCommand(Streams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() {
    AnalyzeRequest request =
        new AnalyzeRequest(
            stats(stableRequests, stableErrors, stableP99Ms),
            stats(canaryRequests, canaryErrors, canaryP99Ms),
            new Thresholds(minRequests, minErrors, alpha, maxErrorRate, maxLatencyRatio),
            file == null ? null : InputFile.read(file, streams.in()),
            canaryService,
            prometheusUrl,
            series.request(),
            time);
    Verdict verdict = CanaryAnalysis.analyze(PrometheusCounts.resolve(request));
    streams.print(output == ReportFormat.json ? Json.pretty(verdict) : AnalysisText.of(verdict));
    return Verdict.ROLLBACK.equals(verdict.verdict()) ? 1 : 0;
  }

  private static VersionStats stats(Long requests, Long errors, Double p99Ms) {
    return requests == null && errors == null && p99Ms == null
        ? null
        : new VersionStats(requests, errors, p99Ms);
  }
}
