package dev.trafficengineer.cluster;

/**
 * A rollback (or switch, or promotion) of a live route, computed from the route as the cluster has
 * it; the fields mean what they mean for {@code rollback_patch}.
 *
 * @param confirm true applies the patch; otherwise the API server checks it without storing it
 */
public record LiveRollbackRequest(
    String namespace,
    String name,
    String canaryService,
    String target,
    String to,
    Boolean confirm) {
  /** A request by target, without {@code to}. */
  public LiveRollbackRequest(
      String namespace, String name, String canaryService, String target, Boolean confirm) {
    this(namespace, name, canaryService, target, null, confirm);
  }
}
