package dev.trafficengineer.core.rollback;

/**
 * What to roll back, switch or promote.
 *
 * @param routeYaml the HTTPRoute as it is now ({@code kubectl get httproute NAME -o yaml}); without
 *     it no patch can be guarded, and the result says how to get one
 * @param name the route's name: checked against {@code routeYaml}, or used without it
 * @param namespace the route's namespace: checked against {@code routeYaml}, or used without it
 * @param canaryService the Service to roll back (or promote, or whose A/B rule to turn off);
 *     inferred from the route when exactly one backend qualifies, see {@link CanaryInference}
 * @param target {@code stable} (default: the canary to weight 0), {@code canary} (promote), {@code
 *     blue} or {@code green} (blue-green switch), {@code ab-off} (remove the A/B rules)
 */
public record RollbackRequest(
    String routeYaml, String name, String namespace, String canaryService, String target) {}
