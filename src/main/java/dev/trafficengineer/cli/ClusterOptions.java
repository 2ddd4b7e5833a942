package dev.trafficengineer.cli;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * Which cluster to talk to, as kubectl chooses it: {@code --kubeconfig}, else the {@code
 * KUBECONFIG} files, else {@code ~/.kube/config}, else the in-cluster service account. Plain
 * strings only: picocli reflects on every command at start-up, and a cluster type here would load
 * the cluster client for every command.
 */
final class ClusterOptions {
  @Option(
      names = "--context",
      paramLabel = "NAME",
      description = "kubeconfig context to use (default: the current context).")
  String context;

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description = "kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster).")
  String kubeconfig;

  @Option(
      names = "--as",
      paramLabel = "USER",
      description =
          "Impersonate this user, as kubectl --as does: the API server's RBAC decides for it.")
  String as;

  @Option(
      names = "--as-group",
      paramLabel = "GROUP",
      description = "Impersonate this group too (repeatable; needs --as).")
  List<String> asGroups = List.of();
}
