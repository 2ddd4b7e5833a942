package dev.trafficengineer.core.rollback;

import dev.trafficengineer.core.input.InvalidInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a rollback request asks for. */
enum RollbackTarget {
  /** The canary to weight 0 in every rule that sends to it. */
  STABLE("stable"),
  /** The canary takes all traffic of every rule that sends to it. */
  CANARY("canary"),
  /** All traffic to the Service named {@code *-blue}. */
  BLUE("blue"),
  /** All traffic to the Service named {@code *-green}. */
  GREEN("green"),
  /** The rules that send only to the test Service are removed. */
  AB_OFF("ab-off"),
  /** All traffic of every rule that lists it to the Service named by {@code to}. */
  TO("to");

  private final String word;

  RollbackTarget(String word) {
    this.word = word;
  }

  String word() {
    return word;
  }

  boolean isColor() {
    return this == BLUE || this == GREEN;
  }

  static RollbackTarget parse(String target) {
    if (target == null) {
      return STABLE;
    }
    return Arrays.stream(values())
        .filter(value -> value != TO && value.word.equals(target))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "target",
                    target,
                    "must be one of "
                        + Arrays.stream(values())
                            .filter(value -> value != TO)
                            .map(RollbackTarget::word)
                            .collect(Collectors.joining(", "))));
  }
}
