package dev.trafficengineer.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The person at the other end: lines typed on {@code in}; the conversation on {@code out}; the tool
 * trace, prompts and questions on {@code err}, so that {@code chat > session.md} keeps only the
 * answers while the terminal shows everything as it happens.
 */
final class Terminal {
  private final BufferedReader in;
  private final PrintStream out;
  private final PrintStream err;

  Terminal(InputStream in, PrintStream out, PrintStream err) {
    this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.out = out;
    this.err = err;
  }

  /** The next line typed after {@code prompt}, or {@code null} at the end of input. */
  String ask(String prompt) {
    note(prompt);
    try {
      return in.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Yes only for an explicit {@code y} or {@code yes}: the end of input or a bare Enter is no. */
  boolean confirm(String question) {
    String answer = ask(question + " [y/N] ");
    return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
  }

  void say(String text) {
    write(out, text);
  }

  void note(String text) {
    write(err, text);
  }

  private static void write(PrintStream stream, String text) {
    stream.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    stream.flush();
  }
}
