package dev.trafficengineer.core.precedence;

import java.util.List;

/**
 * Where a request goes and why: {@code winner} is {@code null} when no rule matches (the Gateway
 * answers 404); {@code reasons} retrace the decision step by step, for a person to check.
 */
public record Decision(RuleRef winner, List<String> reasons) {
  public Decision {
    reasons = List.copyOf(reasons);
  }

  public boolean matched() {
    return winner != null;
  }
}
