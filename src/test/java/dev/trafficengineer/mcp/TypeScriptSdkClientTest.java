package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.TestFiles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A client we did not write: the official TypeScript MCP SDK client (from npm, pinned with a lock
 * file in {@code src/test/ts-client}) calls every tool over stdio with the arguments in {@code
 * mcp/calls}. It checks each result's {@code structuredContent} against the tool's {@code
 * outputSchema} with its own JSON Schema validator, stricter than the Java SDK's, and the script
 * fails for a listed tool that has no call, so a new tool cannot go unchecked.
 */
@DisplayName("the TypeScript SDK client")
class TypeScriptSdkClientTest {
  private static final Path SOURCE = TestFiles.project("src/test/ts-client");
  private static final Path WORK = TestFiles.project("target/ts-client");

  @Test
  @DisplayName("accepts every tool's result against its output schema")
  void acceptsEveryResult() throws Exception {
    Path node = TestFiles.onPath("node");
    Path npm = TestFiles.onPath("npm");
    Assumptions.assumeTrue(
        node != null && npm != null,
        "node and npm are not on PATH: apt-get install -y nodejs npm (.ci/run does)");
    install(npm);

    List<String> command = new ArrayList<>();
    command.add(node.toString());
    command.add(WORK.resolve("check-tools.mjs").toString());
    command.add(TestFiles.path("mcp/calls").toString());
    command.add("--");
    command.addAll(ServerProcess.command());
    Run run = run(command, WORK, 120);

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).containsPattern("(?m)^\\d+ passed, 0 failed$");
  }

  /** npm ci only when the lock file changed since the last install: it takes seconds, not ms. */
  private static void install(Path npm) throws Exception {
    Files.createDirectories(WORK);
    for (String file : List.of("package.json", "package-lock.json", "check-tools.mjs")) {
      Files.copy(SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    Path installedLock = WORK.resolve("node_modules/.package-lock.json");
    Path stamp = WORK.resolve("node_modules/.installed-from");
    String lock = Files.readString(SOURCE.resolve("package-lock.json"));
    if (Files.isRegularFile(installedLock)
        && Files.isRegularFile(stamp)
        && Files.readString(stamp).equals(lock)) {
      return;
    }
    Run run =
        run(
            List.of(npm.toString(), "ci", "--ignore-scripts", "--no-audit", "--no-fund"),
            WORK,
            300);
    Assumptions.assumeTrue(
        run.exitCode() == 0, "npm ci could not install the TypeScript SDK:\n" + run.output());
    Files.writeString(stamp, lock);
  }

  private record Run(int exitCode, String output) {}

  private static Run run(List<String> command, Path directory, int seconds)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("te-ts-client", ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Run(-1, "timed out after " + seconds + " s:\n" + Files.readString(log));
      }
      return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
