package dev.trafficengineer.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The {@code traffic-engineer} command line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err));
  }

  /**
   * Runs one command against the given streams and returns its exit code: 0 success, 1 the answer
   * is "no", 2 usage error, unreadable or refused input.
   */
  static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    boolean debug = "1".equals(System.getenv("TE_DEBUG"));
    return TrafficEngineerCommand.commandLine(new Streams(in, out, err), debug).execute(args);
  }
}
