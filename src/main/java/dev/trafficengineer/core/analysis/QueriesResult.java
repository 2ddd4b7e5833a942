package dev.trafficengineer.core.analysis;

import java.util.List;

/** The dashboard and gate queries, and a script that replaces the lesson's compare-versions.sh. */
public record QueriesResult(List<PromQuery> queries, String compareVersionsScript) {}
