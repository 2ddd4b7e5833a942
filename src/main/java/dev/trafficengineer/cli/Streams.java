package dev.trafficengineer.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The streams a command reads and writes. Text is written as UTF-8 whatever the platform charset,
 * because what goes to stdout is YAML or JSON for kubectl and other programs.
 */
record Streams(InputStream in, PrintStream out, PrintStream err) {
  void print(String text) {
    write(out, text);
  }

  /**
   * Lets {@code report} write its text straight to stdout, as UTF-8, instead of building it first:
   * the report on thousands of routes is as large as their input.
   */
  void printReport(Consumer<Appendable> report) {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    report.accept(writer);
    try {
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void printError(String text) {
    write(err, text);
  }

  PrintWriter outWriter() {
    return new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
  }

  PrintWriter errWriter() {
    return new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
  }

  private static void write(PrintStream stream, String text) {
    stream.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    stream.flush();
  }
}
