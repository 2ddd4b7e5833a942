package dev.trafficengineer.core.analysis;

/**
 * One reason of a verdict: the check it comes from ({@code cause}: share-mismatch, no-traffic,
 * thin-traffic, error-rate, latency, or route for a note about the rollback command), what it does
 * to the verdict ({@code effect}: rollback, hold, or none when the check passed or did not apply),
 * and the sentence with the numbers it used.
 */
public record Reason(String cause, String effect, String text) {
  public static final String SHARE_MISMATCH = "share-mismatch";
  public static final String NO_TRAFFIC = "no-traffic";
  public static final String THIN_TRAFFIC = "thin-traffic";
  public static final String ERROR_RATE = "error-rate";
  public static final String LATENCY = "latency";
  public static final String ROUTE = "route";

  public static final String NONE = "none";

  static Reason rollback(String cause, String text) {
    return new Reason(cause, Verdict.ROLLBACK, text);
  }

  static Reason hold(String cause, String text) {
    return new Reason(cause, Verdict.HOLD, text);
  }

  static Reason none(String cause, String text) {
    return new Reason(cause, NONE, text);
  }
}
