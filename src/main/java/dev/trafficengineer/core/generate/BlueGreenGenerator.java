package dev.trafficengineer.core.generate;

public final class BlueGreenGenerator {
  private BlueGreenGenerator() {}

  public static RouteResult generate(BlueGreenRequest request) {
    throw new IllegalStateException("pending");
  }
}
