package dev.trafficengineer.core.analysis;

/**
 * A canary to judge: either the counts ({@code stable}, {@code canary}) or a Prometheus to read
 * them from ({@code prometheusUrl} with {@code queries} and an optional evaluation {@code time}).
 * With {@code routeYaml} (and {@code canaryService} when the route does not make it obvious) a
 * rollback verdict carries the command that shifts the canary's traffic back to stable, and the
 * observed shares are tested against the route's weights; {@code declared} weights take the route's
 * place for that test.
 */
public record AnalyzeRequest(
    VersionStats stable,
    VersionStats canary,
    Thresholds thresholds,
    String routeYaml,
    String canaryService,
    String prometheusUrl,
    QueriesRequest queries,
    String time,
    DeclaredSplit declared) {

  /** Without declared weights. */
  public AnalyzeRequest(
      VersionStats stable,
      VersionStats canary,
      Thresholds thresholds,
      String routeYaml,
      String canaryService,
      String prometheusUrl,
      QueriesRequest queries,
      String time) {
    this(stable, canary, thresholds, routeYaml, canaryService, prometheusUrl, queries, time, null);
  }

  /** The same request with the counts measured elsewhere, e.g. read from Prometheus. */
  public AnalyzeRequest withCounts(VersionStats measuredStable, VersionStats measuredCanary) {
    return new AnalyzeRequest(
        measuredStable,
        measuredCanary,
        thresholds,
        routeYaml,
        canaryService,
        prometheusUrl,
        queries,
        time,
        declared);
  }
}
