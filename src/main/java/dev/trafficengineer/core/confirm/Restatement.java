package dev.trafficengineer.core.confirm;

import dev.trafficengineer.core.generate.BackendShare;
import dev.trafficengineer.core.generate.RuleSplit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A change in one line, as a person confirms it: {@code task-api/task-api-canary rule 1:
 * task-api-canary 5 % → 25 %}. Only the shares that move are named; a rule whose shares all stay is
 * left out.
 */
public final class Restatement {
  private Restatement() {}

  /**
   * @param route {@code namespace/name}
   * @param before the rules of the route as read
   * @param after the rules as the change leaves them
   * @param otherChanges changes that are not shares (fields of a replaced route), counted at the
   *     end
   */
  public static String of(
      String route, List<RuleSplit> before, List<RuleSplit> after, int otherChanges) {
    Map<Integer, RuleSplit> old =
        before.stream().collect(Collectors.toMap(RuleSplit::rule, Function.identity()));
    List<String> rules = new ArrayList<>();
    for (RuleSplit rule : after) {
      RuleSplit was = old.get(rule.rule());
      List<String> moves = new ArrayList<>();
      for (BackendShare share : rule.backends()) {
        double from = was == null ? 0 : percentOf(was, share.name());
        if (from != share.percent()) {
          moves.add(share.name() + " " + percent(from) + " → " + percent(share.percent()));
        }
      }
      if (was != null) {
        for (BackendShare share : was.backends()) {
          if (rule.backends().stream().noneMatch(b -> b.name().equals(share.name()))) {
            moves.add(share.name() + " " + percent(share.percent()) + " → removed");
          }
        }
      }
      if (!moves.isEmpty()) {
        rules.add("rule " + rule.rule() + ": " + String.join(", ", moves));
      }
    }
    if (before.size() > after.size()) {
      rules.add((before.size() - after.size()) + " rule(s) removed");
    }
    if (otherChanges > 0) {
      rules.add(otherChanges + " other field change" + (otherChanges == 1 ? "" : "s"));
    }
    return route + " " + (rules.isEmpty() ? "no change of shares" : String.join("; ", rules));
  }

  private static double percentOf(RuleSplit rule, String backend) {
    return rule.backends().stream()
        .filter(share -> share.name().equals(backend))
        .mapToDouble(BackendShare::percent)
        .sum();
  }

  /** "25 %", "33.33 %": two decimals at most, as a person reads a share. */
  static String percent(double value) {
    return BigDecimal.valueOf(value)
            .setScale(2, RoundingMode.HALF_UP)
            .stripTrailingZeros()
            .toPlainString()
        + " %";
  }
}
