package dev.trafficengineer.core.rollback;

/**
 * What to roll back, switch or promote.
 *
 * @param routeYaml the HTTPRoute or GRPCRoute as it is now ({@code kubectl get httproute NAME -o
 *     yaml}); without it no patch can be guarded, and the result says how to get one
 * @param name the route's name: checked against {@code routeYaml}, or used without it
 * @param namespace the route's namespace: checked against {@code routeYaml}, or used without it
 * @param canaryService the Service to roll back (or promote, or whose A/B rule to turn off);
 *     inferred from the route only when that is certain, see {@link CanaryInference}
 * @param target {@code stable} (default: the canary to weight 0), {@code canary} (promote), {@code
 *     blue} or {@code green} (blue-green switch), {@code ab-off} (remove the A/B rules)
 * @param to the Service to send all traffic of every rule that splits between it and other backends
 *     to; an explicit choice for any names, used instead of target and canaryService
 * @param kind {@code HTTPRoute} (default) or {@code GRPCRoute}: checked against {@code routeYaml},
 *     or naming the resource the commands read without it
 */
public record RollbackRequest(
    String routeYaml,
    String name,
    String namespace,
    String canaryService,
    String target,
    String to,
    String kind) {
  /** A request by target, without {@code to}. */
  public RollbackRequest(
      String routeYaml, String name, String namespace, String canaryService, String target) {
    this(routeYaml, name, namespace, canaryService, target, null, null);
  }

  /** A request whose kind is the route's own, or HTTPRoute without a route. */
  public RollbackRequest(
      String routeYaml,
      String name,
      String namespace,
      String canaryService,
      String target,
      String to) {
    this(routeYaml, name, namespace, canaryService, target, to, null);
  }
}
