package dev.trafficengineer.mcp;

import dev.trafficengineer.core.analysis.AnalysisText;
import dev.trafficengineer.core.analysis.MonitoringQueries;
import dev.trafficengineer.core.analysis.QueriesRequest;
import dev.trafficengineer.core.analysis.QueriesResult;

final class MonitoringQueriesTool extends CoreTool<QueriesRequest, QueriesResult> {
  MonitoringQueriesTool() {
    super(
        "monitoring_queries",
        "PromQL to watch a canary",
        QueriesRequest.class,
        QueriesResult.class);
  }

  @Override
  String description() {
    return """
        PromQL for watching a canary in one namespace: error rate, p99 latency and requests per \
        second by version, plus canary/stable error-rate and latency ratios, each with what its \
        result means; and a compare-versions.sh that runs traffic-engineer analyze against \
        Prometheus. Metric names, label names, versions and the window default to the lesson's \
        (http_requests_total, http_request_duration_seconds, version, status, 5m, stable, \
        canary). Call it when the user sets up monitoring for a rollout; show the queries for \
        their dashboard, then use analyze_canary to judge the numbers.""";
  }

  @Override
  QueriesResult call(QueriesRequest request) {
    return MonitoringQueries.build(request);
  }

  @Override
  String text(QueriesResult result) {
    return AnalysisText.of(result);
  }
}
