package dev.trafficengineer.cli;

import dev.trafficengineer.core.analysis.AnalysisText;
import dev.trafficengineer.core.analysis.MonitoringQueries;
import dev.trafficengineer.core.analysis.QueriesResult;
import dev.trafficengineer.core.input.InputRules;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "queries",
    description = {
      "PromQL to watch a canary: error rate, p99 latency and requests per second by version, and"
          + " canary/stable ratios (tool monitoring_queries).",
      "With --script, only the compare-versions.sh that runs 'traffic-engineer analyze' against"
          + " Prometheus."
    },
    footer = {
      "",
      "Examples:",
      "  traffic-engineer queries --namespace task-api",
      "  traffic-engineer queries --namespace task-api --script > compare-versions.sh"
    })
final class QueriesCommand implements Callable<Integer> {
  @Mixin HelpOption help;
  @Mixin SeriesOptions series;

  @Option(names = "--script", description = "Print only the compare-versions.sh script.")
  boolean script;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  ReportFormat output;

  private final Streams streams;

  QueriesCommand(Streams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() {
    InputRules.required("namespace", series.namespace);
    QueriesResult result = MonitoringQueries.build(series.request());
    if (script) {
      streams.print(result.compareVersionsScript());
    } else {
      streams.print(output == ReportFormat.json ? Json.pretty(result) : AnalysisText.of(result));
    }
    return 0;
  }
}
