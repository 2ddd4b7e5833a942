package dev.trafficengineer.mcp.http;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long an HTTP session may sit idle and how many may be live at once.
 *
 * @param idleTimeout a session with no request for this long (and none in flight) ends; its next
 *     request gets 404, which tells an MCP client to start a new session
 * @param maxSessions the live sessions at most; an {@code initialize} beyond them gets 503
 */
public record SessionLimits(Duration idleTimeout, int maxSessions) {
  /**
   * Half an hour outlasts a person reading a plan between two tool calls. A thousand sessions are
   * far more clients than one server answers at once, and cost little: measured at -Xmx64m, a
   * thousand opened sessions add 0.8 MiB to the heap.
   */
  public static final SessionLimits DEFAULT =
      new SessionLimits(Duration.ofMinutes(30), SessionLimits.DEFAULT_MAX_SESSIONS);

  /** {@link #DEFAULT}'s idle timeout as the command line writes it. */
  public static final String DEFAULT_IDLE_TIMEOUT = "30m";

  public static final int DEFAULT_MAX_SESSIONS = 1000;

  private static final Pattern DURATION = Pattern.compile("([1-9][0-9]{0,6})([smh])");

  public SessionLimits {
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("the session idle timeout must be positive");
    }
    if (maxSessions < 1) {
      throw new IllegalArgumentException("--max-sessions must be at least 1, not " + maxSessions);
    }
  }

  /** A duration written as people write it: {@code 90s}, {@code 30m}, {@code 2h}. */
  public static Duration parseDuration(String text) {
    Matcher duration = DURATION.matcher(text);
    if (!duration.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration such as 90s, 30m or 2h");
    }
    long amount = Long.parseLong(duration.group(1));
    return switch (duration.group(2)) {
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }

  /** The duration as {@link #parseDuration} reads it, in the largest unit that divides it. */
  static String text(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds > 0 && seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds > 0 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds > 0 ? seconds + "s" : duration.toMillis() + "ms";
  }
}
