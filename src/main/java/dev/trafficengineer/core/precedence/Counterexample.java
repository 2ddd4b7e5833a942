package dev.trafficengineer.core.precedence;

import java.util.List;

/**
 * A concrete protected request that reaches a backend other than the protected Service: the rule
 * that takes it, the backends it may reach there (weight above 0), and the precedence reasons.
 */
public record Counterexample(
    HttpRequest request, RuleRef rule, List<String> backends, List<String> reasons) {
  public Counterexample {
    backends = List.copyOf(backends);
    reasons = List.copyOf(reasons);
  }
}
