package dev.trafficengineer.core.simulate;

import java.util.List;

/**
 * The effective shares of the rule that takes {@code requests[request]}: during the stage, after
 * the weight change for the users who come back (pinned ones stay where they are), and after it for
 * new users. Expected values over the users, exact (no sampling); notes state the model's
 * assumptions and what the numbers mean for the rollout.
 */
public record SessionOutcome(
    int request,
    String route,
    int rule,
    String pinning,
    String pinTo,
    int users,
    int requestsPerUser,
    List<SessionShare> stage,
    List<SessionShare> afterChangeReturning,
    List<SessionShare> afterChangeNew,
    List<String> notes) {}
