package dev.trafficengineer.core.generate;

public final class DecisionFramework {
  private DecisionFramework() {}

  public static Decision decide(DecisionRequest request) {
    throw new IllegalStateException("pending");
  }
}
