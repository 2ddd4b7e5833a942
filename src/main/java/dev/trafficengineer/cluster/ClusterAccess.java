package dev.trafficengineer.cluster;

import java.util.List;

/**
 * Which cluster, as whom, and where: kubectl's choice of cluster, the identity the API server
 * authorizes (kubectl's {@code --as} and {@code --as-group}), and the namespaces the tools may
 * touch.
 *
 * @param kubeconfig a kubeconfig file, or null for the usual places
 * @param context the kubeconfig context to use, or null for its current context
 * @param user the user to impersonate, or null for the kubeconfig's own
 * @param groups the groups to impersonate (with {@code user} only, as the API server requires)
 * @param namespaces the only namespaces any tool may read or write; empty for all
 */
public record ClusterAccess(
    String kubeconfig, String context, String user, List<String> groups, List<String> namespaces) {
  public ClusterAccess {
    groups = groups == null ? List.of() : List.copyOf(groups);
    namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
  }
}
