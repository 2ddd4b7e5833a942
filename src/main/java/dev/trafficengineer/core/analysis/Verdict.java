package dev.trafficengineer.core.analysis;

import java.util.List;

/**
 * {@code promote}, {@code hold} or {@code rollback}, with the reasons in the order they decided,
 * the numbers they rest on, the thresholds used, where the counts came from, and the rollback
 * command when a route was given and the verdict is rollback.
 */
public record Verdict(
    String verdict,
    List<String> reasons,
    Numbers numbers,
    List<ThresholdEcho> thresholds,
    String source,
    String rollbackCommand) {
  public static final String PROMOTE = "promote";
  public static final String HOLD = "hold";
  public static final String ROLLBACK = "rollback";
}
