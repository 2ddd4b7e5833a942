package dev.trafficengineer.mcp;

/**
 * A server that stops reading but stays alive leaves its client waiting forever. Errors inside a
 * tool call are answered (see {@link Operation}); an {@link Error} that escapes any other thread
 * (the SDK's reader running out of memory on a line, say) ends the process at once with a non-zero
 * status, so that the client sees the server gone instead of a silence.
 */
public final class FatalErrors {
  /** The exit status after such an error: EX_SOFTWARE from sysexits.h. */
  public static final int EXIT_STATUS = 70;

  private FatalErrors() {}

  /** Makes every thread's uncaught {@link Error} end the process. */
  public static void exitOnUncaughtError() {
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, failure) -> {
          if (failure instanceof Error) {
            // No logging framework and no shutdown hooks: after an OutOfMemoryError either may
            // need memory there is none of, and hang.
            System.err.println(
                "traffic-engineer: "
                    + failure.getClass().getSimpleName()
                    + " on thread "
                    + thread.getName()
                    + "; exiting so that the client does not wait for answers that cannot come");
            System.err.flush();
            Runtime.getRuntime().halt(EXIT_STATUS);
          }
          if (previous != null) {
            previous.uncaughtException(thread, failure);
          } else {
            thread.getThreadGroup().uncaughtException(thread, failure);
          }
        });
  }
}
