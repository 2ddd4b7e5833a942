package dev.trafficengineer.core.patch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real kubectl, run without a shell (an argument array) and without a cluster ({@code
 * --local}): applies a JSON Patch to a file and prints the result.
 */
final class Kubectl {
  record Result(int exitCode, String stdout, String stderr) {}

  private Kubectl() {}

  static boolean available() {
    try {
      return run(List.of("kubectl", "version", "--client")).exitCode() == 0;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  static Result patchLocal(Path file, String jsonPatch) {
    return run(
        List.of(
            "kubectl",
            "patch",
            "--local",
            "-f",
            file.toString(),
            "--type=json",
            "-p",
            jsonPatch,
            "-o",
            "yaml"));
  }

  private static Result run(List<String> command) {
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      var stdout = process.getInputStream().readAllBytes();
      var stderr = process.getErrorStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("kubectl did not finish: " + command);
      }
      return new Result(
          process.exitValue(),
          new String(stdout, StandardCharsets.UTF_8),
          new String(stderr, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
