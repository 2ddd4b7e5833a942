package dev.trafficengineer.core.confirm;

/**
 * What a plan token vouches for: one change to one route as it was read.
 *
 * @param target the tool and the route, e.g. {@code cluster_rollback task-api/task-api-canary}
 * @param uid the route's uid: a route deleted and created again under the same name is another one
 * @param resourceVersion the version the change was computed from
 * @param change the exact change to send (the JSON Patch, or the route that replaces the live one)
 */
public record PlanSubject(String target, String uid, String resourceVersion, String change) {}
