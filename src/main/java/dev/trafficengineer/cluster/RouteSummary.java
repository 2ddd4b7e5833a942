package dev.trafficengineer.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.trafficengineer.core.generate.RuleSplit;
import java.util.List;

/**
 * One route of a namespace, in brief.
 *
 * @param kind {@code HTTPRoute} or {@code GRPCRoute}
 * @param accepted false when any parent reports Accepted other than True; absent without status
 * @param owner the owning controller, when one owns it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RouteSummary(
    String kind,
    String name,
    List<String> hostnames,
    List<String> parents,
    List<RuleSplit> rules,
    Boolean accepted,
    String owner) {}
