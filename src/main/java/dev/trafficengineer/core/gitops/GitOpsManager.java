package dev.trafficengineer.core.gitops;

import java.util.List;

/**
 * The tool that keeps a route in step with its source (Git, a chart).
 *
 * @param tool {@code Argo CD}, {@code Flux} or {@code Helm}
 * @param evidence the labels and annotations that say so
 * @param consequence what the tool does to a change made beside it
 */
public record GitOpsManager(String tool, List<String> evidence, String consequence) {}
