package dev.trafficengineer.mcp.http;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The live HTTP sessions, by id, with when each was last used: the one place that decides whether a
 * session has expired and whether another may begin. A session with a request in flight (a tool
 * call being answered, a stream of server events open) is in use, not idle.
 *
 * <p>Expired sessions are dropped when looked at, so no thread is needed: a request for one finds
 * it gone, and counting the live ones drops all that are due.
 */
final class SessionRegistry {
  private final SessionLimits limits;
  private final LongSupplier nanoClock;
  private final Map<String, Use> sessions = new HashMap<>();
  private int opening;

  SessionRegistry(SessionLimits limits, LongSupplier nanoClock) {
    this.limits = limits;
    this.nanoClock = nanoClock;
  }

  /** When a session was last used and how many of its requests are being answered. */
  private static final class Use {
    long lastUsed;
    int inFlight;

    Use(long now) {
      this.lastUsed = now;
    }
  }

  /**
   * Holds a place for a session about to be opened by an {@code initialize}; false when the live
   * sessions (and those being opened) are at the limit. Each true is followed by {@link #opened}.
   */
  synchronized boolean reserve() {
    dropExpired();
    if (sessions.size() + opening >= limits.maxSessions()) {
      return false;
    }
    opening++;
    return true;
  }

  /** The reserved place is taken by session {@code id}, or given back when {@code id} is null. */
  synchronized void opened(String id) {
    opening--;
    if (id != null) {
      sessions.put(id, new Use(nanoClock.getAsLong()));
    }
  }

  /** A request of session {@code id} begins; false when there is no such live session. */
  synchronized boolean enter(String id) {
    Use use = sessions.get(id);
    long now = nanoClock.getAsLong();
    if (use == null) {
      return false;
    }
    if (expired(use, now)) {
      sessions.remove(id);
      return false;
    }
    use.inFlight++;
    use.lastUsed = now;
    return true;
  }

  /** A request of session {@code id} is answered; the idle time starts again from now. */
  synchronized void leave(String id) {
    Use use = sessions.get(id);
    if (use != null) {
      use.inFlight--;
      use.lastUsed = nanoClock.getAsLong();
    }
  }

  /** Session {@code id} ended: the client deleted it, or the SDK no longer knows it. */
  synchronized void closed(String id) {
    sessions.remove(id);
  }

  synchronized int live() {
    dropExpired();
    return sessions.size();
  }

  /** How long until a place frees by itself: the soonest idle session's expiry. */
  synchronized Duration untilPlaceFrees() {
    long now = nanoClock.getAsLong();
    long soonest = limits.idleTimeout().toNanos();
    for (Use use : sessions.values()) {
      if (use.inFlight == 0) {
        soonest = Math.min(soonest, use.lastUsed + limits.idleTimeout().toNanos() - now);
      }
    }
    return Duration.ofNanos(Math.max(0, soonest));
  }

  private void dropExpired() {
    long now = nanoClock.getAsLong();
    for (Iterator<Use> uses = sessions.values().iterator(); uses.hasNext(); ) {
      if (expired(uses.next(), now)) {
        uses.remove();
      }
    }
  }

  private boolean expired(Use use, long now) {
    return use.inFlight == 0 && now - use.lastUsed >= limits.idleTimeout().toNanos();
  }
}
