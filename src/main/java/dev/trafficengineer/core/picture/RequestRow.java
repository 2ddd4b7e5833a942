package dev.trafficengineer.core.picture;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A request and where the simulator sends it: {@code rank} is the {@link RuleBox#rank()} of the
 * match that takes it ({@code null} for 404; that rule's shares say where it may go) and {@code
 * status} the answer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestRow(String request, boolean protectedTraffic, Integer rank, int status) {}
