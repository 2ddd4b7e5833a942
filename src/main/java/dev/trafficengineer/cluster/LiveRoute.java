package dev.trafficengineer.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.trafficengineer.core.generate.RuleSplit;
import dev.trafficengineer.core.ownership.RouteOwner;
import dev.trafficengineer.core.validate.Finding;
import java.util.List;

/**
 * A route as the cluster has it.
 *
 * @param kind {@code HTTPRoute} or {@code GRPCRoute}
 * @param route {@code namespace/name}
 * @param resourceVersion the version read; a write based on this read is refused if it changed
 * @param yaml the route without status and server-owned metadata, ready for the offline tools
 * @param rules which requests each rule takes and the weights it sends them with
 * @param parents the status per parent Gateway; empty when no controller has reported yet
 * @param owner the controller that owns the route, when one does: writes are then refused
 * @param findings validate_route's findings on the live route
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LiveRoute(
    String kind,
    String route,
    String resourceVersion,
    String yaml,
    List<RuleSplit> rules,
    List<ParentStatus> parents,
    RouteOwner owner,
    List<Finding> findings) {}
