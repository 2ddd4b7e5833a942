package dev.trafficengineer.core.capacity;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** One backend's share of one rule's traffic, in percent, before and after a change. */
record Share(double before, double after) {
  /** Most of the traffic, from nothing or from less than half as much. */
  boolean isBigJump() {
    return after > 50 && (before == 0 || after > 2 * before);
  }

  /** How many times the traffic per endpoint grows (the endpoints stay the same). */
  double growth() {
    return before == 0 ? Double.POSITIVE_INFINITY : after / before;
  }

  /** "100 % from 10 % of rule 1's traffic". */
  String describe(int rule) {
    return number(after) + " % from " + number(before) + " % of rule " + rule + "'s traffic";
  }

  /** Whole numbers as they are, others to one decimal, and never a non-zero share shown as 0. */
  static String number(double value) {
    if (value > 0 && value < 0.05) {
      return "<0.1";
    }
    return BigDecimal.valueOf(value)
        .setScale(1, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }
}
