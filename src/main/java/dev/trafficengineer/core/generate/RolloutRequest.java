package dev.trafficengineer.core.generate;

import java.util.List;

/**
 * A staged canary rollout. {@code stages} are canary percentages in increasing order (default 5,
 * 25, 50, 100); {@code canaryWeight}, when given without stages, is where the rollout starts.
 */
public record RolloutRequest(
    String namespace,
    String gateway,
    String stableService,
    String canaryService,
    Integer port,
    List<Integer> stages,
    Integer canaryWeight,
    String name,
    String pathPrefix,
    List<String> hostnames,
    String gatewayNamespace,
    String sectionName,
    HeaderMatchInput protectHeader) {}
