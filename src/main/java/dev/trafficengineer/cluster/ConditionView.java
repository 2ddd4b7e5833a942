package dev.trafficengineer.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One status condition as the Gateway controller reported it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConditionView(String type, String status, String reason, String message) {}
