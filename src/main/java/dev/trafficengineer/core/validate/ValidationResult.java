package dev.trafficengineer.core.validate;

import java.util.List;

/**
 * The outcome of {@link RouteValidator#validate}.
 *
 * @param valid true when no finding is an error; warnings and notes never make a route invalid
 * @param findings every finding, ordered by line
 */
public record ValidationResult(boolean valid, List<Finding> findings) {

  public ValidationResult {
    findings = List.copyOf(findings);
  }
}
