package dev.trafficengineer.core.generate;

public final class PremiumProtection {
  private PremiumProtection() {}

  public static RouteResult add(PremiumRuleRequest request) {
    throw new IllegalStateException("pending");
  }
}
