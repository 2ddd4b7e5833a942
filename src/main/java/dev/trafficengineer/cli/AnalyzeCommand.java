package dev.trafficengineer.cli;

import dev.trafficengineer.core.analysis.AnalysisText;
import dev.trafficengineer.core.analysis.AnalyzeRequest;
import dev.trafficengineer.core.analysis.Bucket;
import dev.trafficengineer.core.analysis.CanaryAnalysis;
import dev.trafficengineer.core.analysis.Thresholds;
import dev.trafficengineer.core.analysis.Verdict;
import dev.trafficengineer.core.analysis.VersionStats;
import dev.trafficengineer.metrics.PrometheusCounts;
import java.util.List;
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
      "  traffic-engineer analyze --prometheus-url http://127.0.0.1:9090 --namespace task-api \\",
      "    --declared stable=90,canary=10"
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
      names = {"-f", "--file", "--route"},
      paramLabel = "FILE|-",
      description =
          "The HTTPRoute with the canary split: its weights are the declared shares, and a"
              + " rollback verdict prints its command.")
  String file;

  @Option(
      names = "--declared",
      paramLabel = "stable=W,canary=W",
      description =
          "Declared weights to test the observed shares against, e.g. stable=90,canary=10.")
  String declared;

  @Option(
      names = "--stable-buckets",
      paramLabel = "LE=COUNT,...",
      description = "Stable's cumulative latency buckets, e.g. 0.1=900,0.5=990,+Inf=1000.")
  String stableBuckets;

  @Option(
      names = "--canary-buckets",
      paramLabel = "LE=COUNT,...",
      description = "The canary's cumulative latency buckets, with the same bounds.")
  String canaryBuckets;

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

  @Option(names = "--share-alpha", description = "Significance of the share test (default 0.001).")
  Double shareAlpha;

  @Option(
      names = "--max-share-deviation",
      description = "Share deviation tolerated, relative (default 0.2).")
  Double maxShareDeviation;

  @Option(names = "--power", description = "Power that sizes the sample (default 0.8).")
  Double power;

  @Option(names = "--max-tail-ratio", description = "Largest slow-request ratio (default 2).")
  Double maxTailRatio;

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
            stats(
                stableRequests,
                stableErrors,
                stableP99Ms,
                Pairs.buckets("--stable-buckets", stableBuckets)),
            stats(
                canaryRequests,
                canaryErrors,
                canaryP99Ms,
                Pairs.buckets("--canary-buckets", canaryBuckets)),
            new Thresholds(
                minRequests,
                minErrors,
                alpha,
                maxErrorRate,
                maxLatencyRatio,
                shareAlpha,
                maxShareDeviation,
                power,
                maxTailRatio),
            file == null ? null : InputFile.read(file, streams.in()),
            canaryService,
            prometheusUrl,
            series.request(),
            time,
            Pairs.declared(declared));
    Verdict verdict = CanaryAnalysis.analyze(PrometheusCounts.resolve(request));
    streams.print(output == ReportFormat.json ? Json.pretty(verdict) : AnalysisText.of(verdict));
    return Verdict.ROLLBACK.equals(verdict.verdict()) ? 1 : 0;
  }

  private static VersionStats stats(
      Long requests, Long errors, Double p99Ms, List<Bucket> buckets) {
    return requests == null && errors == null && p99Ms == null && buckets == null
        ? null
        : new VersionStats(requests, errors, p99Ms, buckets);
  }
}
