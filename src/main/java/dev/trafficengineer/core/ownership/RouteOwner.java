package dev.trafficengineer.core.ownership;

import java.util.List;

/**
 * A controller that owns a route and rewrites it on its own schedule, so that a change made beside
 * it is reverted or fought.
 *
 * @param controller who owns it: {@code Flagger}, {@code Argo Rollouts}, or the kind and name of an
 *     owner reference
 * @param evidence the metadata that says so, one entry per label, annotation or owner reference
 * @param instead how to make the change through the owner
 */
public record RouteOwner(String controller, List<String> evidence, String instead) {}
