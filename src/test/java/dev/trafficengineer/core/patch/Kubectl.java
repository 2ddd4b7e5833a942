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
public final class Kubectl {
  public record Result(int exitCode, String stdout, String stderr) {}

  private Kubectl() {}

  public static boolean available() {
    try {
      return run(List.of("kubectl", "version", "--client")).exitCode() == 0;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  public static Result patchLocal(Path file, String jsonPatch) {
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

  /** Builds the kustomization in {@code directory} as {@code kustomize build} does. */
  public static Result kustomize(Path directory) {
    return run(List.of("kubectl", "kustomize", directory.toString()));
  }

  /**
   * Runs a printed {@code kubectl patch httproute NAME -n NS ...} command through {@code sh}, as a
   * person pasting it would, but against {@code file} instead of a cluster: only the words that
   * name the target change, so the quoting and the patch are exactly what was printed.
   */
  public static Result runPrintedPatch(String printed, String target, Path file) {
    return runPrintedPatch(printed, "httproute", target, file);
  }

  /** The same for a printed patch of another resource, {@code grpcroute}. */
  public static Result runPrintedPatch(String printed, String resource, String target, Path file) {
    String prefix = "kubectl patch " + resource + " " + target + " ";
    if (!printed.startsWith(prefix)) {
      throw new IllegalArgumentException("not a patch of " + target + ": " + printed);
    }
    String local =
        "kubectl patch --local -f "
            + ShellQuote.quote(file.toString())
            + " -o yaml "
            + printed.substring(prefix.length());
    return run(List.of("sh", "-c", local));
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
