package dev.trafficengineer.cluster;

import java.util.List;

/**
 * What one parent (Gateway) says about the route: Accepted (is it attached?) and ResolvedRefs (do
 * its backends exist?), each with its reason.
 *
 * @param parent {@code kind namespace/name[/section]}
 * @param controller the Gateway controller that wrote the status
 */
public record ParentStatus(String parent, String controller, List<ConditionView> conditions) {}
