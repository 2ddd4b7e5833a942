package dev.trafficengineer.core.analysis;

import java.util.List;

/**
 * {@code promote}, {@code hold} or {@code rollback}, with the reasons in the order they decided
 * (each with its cause and effect), the numbers they rest on, the thresholds used, where the counts
 * came from, and the rollback command when a route was given and the verdict is rollback. {@code
 * cause} is the deciding reason's cause (null on promote); {@code share}, {@code sampleSize} and
 * {@code tail} are the data-plane share test, the sample a promotion needs, and the histogram tail
 * comparison, each null where it did not run.
 */
public record Verdict(
    String verdict,
    List<Reason> reasons,
    Numbers numbers,
    List<ThresholdEcho> thresholds,
    String source,
    String rollbackCommand,
    String cause,
    ShareCheck share,
    SampleSize sampleSize,
    TailComparison tail) {
  public static final String PROMOTE = "promote";
  public static final String HOLD = "hold";
  public static final String ROLLBACK = "rollback";
}
