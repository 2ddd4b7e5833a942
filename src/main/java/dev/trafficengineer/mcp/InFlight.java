package dev.trafficengineer.mcp;

import java.util.concurrent.TimeUnit;

/**
 * Requests handed to the SDK and answers written back. The SDK's stdio transport stops writing the
 * moment stdin ends, dropping every answer still being computed, so the end of input is held back
 * until the answers are out: {@code printf '...' | traffic-engineer serve} gets all its answers.
 */
final class InFlight {
  private long asked;
  private long answered;

  synchronized void asked() {
    asked++;
  }

  synchronized void answered() {
    answered++;
    notifyAll();
  }

  /** Waits until every request has an answer, or the timeout passes. */
  synchronized void awaitAnswers(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    while (answered < asked) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }
}
