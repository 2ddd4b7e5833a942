package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.input.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ErrorReportingTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Streams streams =
      new Streams(
          new ByteArrayInputStream(new byte[0]),
          new PrintStream(new ByteArrayOutputStream()),
          new PrintStream(err, true, StandardCharsets.UTF_8));
  private final CommandLine canary = new CommandLine(new CanaryCommand(streams));

  @Test
  @DisplayName("a bug is reported in one line with exit 2, without a stack trace")
  void internalErrorIsOneLine() {
    int exit =
        new ErrorReporting(streams, false)
            .handleExecutionException(new IllegalStateException("boom\nsecond"), canary, null);

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("error: internal: java.lang.IllegalStateException: boom second\n");
  }

  @Test
  @DisplayName("TE_DEBUG adds the stack trace after the one-line report")
  void debugAddsStackTrace() {
    new ErrorReporting(streams, true)
        .handleExecutionException(new IllegalStateException("boom"), canary, null);

    String text = err.toString(StandardCharsets.UTF_8);
    assertThat(text).startsWith("error: internal: java.lang.IllegalStateException: boom\n");
    assertThat(text.lines()).anyMatch(line -> line.contains("at dev.trafficengineer.cli."));
  }

  @Test
  @DisplayName("core's field names become the flags a person typed")
  void fieldNamesBecomeFlags() {
    var spec = canary.getCommandSpec();

    assertThat(
            ErrorReporting.inFlagTerms(
                new InvalidInputException("stableWeight", 2_000_000, "is too big"), spec))
        .isEqualTo("--stable-weight: 2000000 is too big");
    assertThat(
            ErrorReporting.inFlagTerms(
                new InvalidInputException("hostnames[1]", "a.b", "is listed twice"), spec))
        .isEqualTo("--hostname[1]: \"a.b\" is listed twice");
    assertThat(
            ErrorReporting.inFlagTerms(
                new InvalidInputException("protectHeader.name", "", "is required"), spec))
        .isEqualTo("protectHeader.name: \"\" is required");
  }
}
