package dev.trafficengineer.core.simulate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A share as people read it: 0.95 as {@code 95%}, 1/3 as {@code 33.33%}. */
public final class Percent {
  private Percent() {}

  public static String of(double share) {
    return BigDecimal.valueOf(share * 100)
            .setScale(2, RoundingMode.HALF_EVEN)
            .stripTrailingZeros()
            .toPlainString()
        + "%";
  }
}
