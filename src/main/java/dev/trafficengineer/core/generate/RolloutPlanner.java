package dev.trafficengineer.core.generate;

public final class RolloutPlanner {
  private RolloutPlanner() {}

  public static RolloutPlan plan(RolloutRequest request) {
    throw new IllegalStateException("pending");
  }
}
