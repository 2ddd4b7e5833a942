package dev.trafficengineer.cluster;

/**
 * A call the cluster answered with a refusal, or did not answer: the API server's reason ({@code
 * NotFound}, {@code Forbidden}, {@code Conflict}, {@code Invalid} ...), {@code Unreachable}, or
 * {@code OwnedByController} when traffic-engineer itself refuses to write. The message is for the
 * person or assistant who made the call, and says what to do next.
 */
public final class ClusterException extends RuntimeException {
  private final String reason;

  ClusterException(String reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }

  /** Whether traffic-engineer refused the write because a controller owns the route. */
  public boolean ownedByController() {
    return "OwnedByController".equals(reason);
  }
}
