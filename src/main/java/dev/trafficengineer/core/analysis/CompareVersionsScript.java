package dev.trafficengineer.core.analysis;

/**
 * The lesson's compare-versions.sh, rewritten: instead of counting ERROR lines in the last 1000 log
 * lines and comparing with "more than twice", it asks Prometheus for the window's counts and lets
 * {@code traffic-engineer analyze} judge them, so its exit status can gate a pipeline.
 */
final class CompareVersionsScript {
  private CompareVersionsScript() {}

  static String of(MonitoringQueries.Series s) {
    return """
        #!/bin/sh
        # compare-versions.sh: stable against canary in namespace %1$s, from Prometheus.
        # Needs traffic-engineer on PATH and Prometheus at PROMETHEUS_URL, for example after
        #   kubectl port-forward -n monitoring svc/prometheus 9090:9090
        # Exit status: 0 promote or hold (the verdict says which), 1 roll back,
        # 2 no verdict (Prometheus unreachable or an argument refused).
        # Add -f your-route.yaml to the command to get the rollback command with a rollback verdict.
        set -eu
        PROMETHEUS_URL="${PROMETHEUS_URL:-http://127.0.0.1:9090}"
        echo "Comparing stable vs canary..."
        exec traffic-engineer analyze --prometheus-url "$PROMETHEUS_URL" \\
          --namespace %2$s \\
          --version-label %3$s \\
          --requests-metric %4$s \\
          --duration-metric %5$s \\
          --status-label %6$s \\
          --window %7$s \\
          --stable-version %8$s \\
          --canary-version %9$s
        """
        .formatted(
            s.namespace(),
            quote(s.namespace()),
            quote(s.versionLabel()),
            quote(s.requests()),
            quote(s.durationMetric()),
            quote(s.statusLabel()),
            quote(s.window()),
            quote(s.stable()),
            quote(s.canary()));
  }

  /**
   * Always single quotes, even around plain words: the values are checked already, and a reader can
   * see at a glance that every argument is one word.
   */
  private static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
