package dev.trafficengineer.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.trafficengineer.core.diff.FieldChange;
import java.util.List;

/**
 * The proposed route against the live one.
 *
 * @param kind {@code HTTPRoute} or {@code GRPCRoute}, as the proposal says
 * @param exists false when the route is not in the cluster yet: every field is then an addition
 * @param changes one entry per differing field, as JSON Pointer with the live and proposed value
 * @param rule what is compared and what is ignored
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LiveDiff(
    String kind,
    String route,
    boolean exists,
    String resourceVersion,
    List<FieldChange> changes,
    String rule,
    List<String> warnings) {}
