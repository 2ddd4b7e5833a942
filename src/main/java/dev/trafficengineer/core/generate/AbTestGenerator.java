package dev.trafficengineer.core.generate;

public final class AbTestGenerator {
  private AbTestGenerator() {}

  public static RouteResult generate(AbTestRequest request) {
    throw new IllegalStateException("pending");
  }
}
