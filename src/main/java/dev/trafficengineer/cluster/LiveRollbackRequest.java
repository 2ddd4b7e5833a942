package dev.trafficengineer.cluster;

/**
 * A rollback (or switch, or promotion) of a live route, computed from the route as the cluster has
 * it; the fields mean what they mean for {@code rollback_patch}.
 *
 * @param planToken absent: a dry run that returns one; the token of that dry run: applies it
 * @param kind {@code HTTPRoute} (when absent) or {@code GRPCRoute}: which route is read and patched
 */
public record LiveRollbackRequest(
    String namespace,
    String name,
    String canaryService,
    String target,
    String to,
    String planToken,
    String kind) {
  /** A rollback of a live HTTPRoute. */
  public LiveRollbackRequest(
      String namespace,
      String name,
      String canaryService,
      String target,
      String to,
      String planToken) {
    this(namespace, name, canaryService, target, to, planToken, null);
  }
}
