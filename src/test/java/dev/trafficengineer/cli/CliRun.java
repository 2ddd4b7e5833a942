package dev.trafficengineer.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One in-process run of the command line: its exit code and what it wrote. */
record CliRun(int exitCode, String out, String err) {
  static final List<String> LESSON_CANARY =
      List.of(
          "canary",
          "--name",
          "task-api-canary",
          "--namespace",
          "task-api",
          "--gateway",
          "task-api-gateway",
          "--stable-service",
          "task-api-stable",
          "--canary-service",
          "task-api-canary",
          "--port",
          "8000",
          "--canary-weight",
          "5",
          "--path-prefix",
          "/api/");

  static CliRun of(String... args) {
    return withInput(new byte[0], args);
  }

  static CliRun withInput(byte[] stdin, String... args) {
    return withInput(new ByteArrayInputStream(stdin), args);
  }

  static CliRun withInput(InputStream stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exitCode =
        Main.run(
            args,
            stdin,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CliRun(
        exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static String resource(String name) {
    try (InputStream in = CliRun.class.getResourceAsStream("/cli/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource /cli/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> errLines() {
    return err.lines().toList();
  }
}
