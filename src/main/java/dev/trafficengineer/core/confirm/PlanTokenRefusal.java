package dev.trafficengineer.core.confirm;

/**
 * A plan token that does not allow the change it came with.
 *
 * @see PlanTokens#verify
 */
public final class PlanTokenRefusal extends RuntimeException {
  private final String reason;

  PlanTokenRefusal(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /**
   * {@code InvalidToken}, {@code TokenExpired}, {@code TokenForAnotherTarget}, {@code RouteChanged}
   * or {@code TokenForAnotherPatch}.
   */
  public String reason() {
    return reason;
  }
}
