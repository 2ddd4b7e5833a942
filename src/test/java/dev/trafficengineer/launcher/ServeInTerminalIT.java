package dev.trafficengineer.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * {@code bin/traffic-engineer serve} typed in a terminal: util-linux {@code script} gives it a
 * pseudo-terminal as stdin and stdout, as a person's shell would.
 */
@EnabledOnOs(OS.LINUX)
class ServeInTerminalIT {
  private static final Path HOME = Path.of(System.getProperty("user.dir"));
  private static final Path SCRIPT = Path.of("/usr/bin/script");

  @Test
  @DisplayName("says on the terminal that it waits for an MCP client, instead of looking hung")
  void saysItWaits() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(SCRIPT), "util-linux script is not installed");
    String launcher = HOME.resolve("bin/traffic-engineer").toString();
    Process process =
        new ProcessBuilder(SCRIPT.toString(), "-qec", "'" + launcher + "' serve", "/dev/null")
            .redirectErrorStream(true)
            .start();
    try {
      String shown = readUntil(process.getInputStream(), "Ctrl-C ends.", 120);

      assertThat(shown).contains("traffic-engineer serve: waiting for an MCP client on stdin");
    } finally {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** What the terminal showed until {@code end} appeared, or until the time ran out. */
  private static String readUntil(InputStream in, String end, int seconds) throws Exception {
    ByteArrayOutputStream shown = new ByteArrayOutputStream();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    byte[] buffer = new byte[4096];
    while (System.nanoTime() < deadline && !shown.toString(StandardCharsets.UTF_8).contains(end)) {
      if (in.available() > 0) {
        shown.write(buffer, 0, in.read(buffer));
      } else {
        Thread.sleep(50);
      }
    }
    return shown.toString(StandardCharsets.UTF_8);
  }
}
