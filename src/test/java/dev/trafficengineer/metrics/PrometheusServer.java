package dev.trafficengineer.metrics;

import dev.trafficengineer.core.TestFiles;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Prometheus (Debian's {@code prometheus} package) on a free loopback port, over a TSDB
 * backfilled from an OpenMetrics fixture with {@code promtool tsdb create-blocks-from openmetrics}.
 * No scrape targets, so the data never changes: queries at a fixed {@code time} are deterministic.
 * Skipped, with the reason, where the binaries are missing; {@code .ci/run} installs them.
 */
final class PrometheusServer implements BeforeAllCallback, AfterAllCallback {
  private static final Duration READY_WITHIN = Duration.ofSeconds(30);

  private final String fixture;
  private Path directory;
  private Process process;
  private String url;

  PrometheusServer(String fixture) {
    this.fixture = fixture;
  }

  String url() {
    return url;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Path prometheus = TestFiles.onPath("prometheus");
    Path promtool = TestFiles.onPath("promtool");
    Assumptions.assumeTrue(
        prometheus != null && promtool != null,
        "prometheus and promtool are not on PATH: apt-get install -y prometheus (.ci/run does)");
    directory = Files.createTempDirectory("te-prometheus");
    Path data = directory.resolve("data");
    run(
        List.of(
            promtool.toString(),
            "tsdb",
            "create-blocks-from",
            "openmetrics",
            TestFiles.path(fixture).toString(),
            data.toString()));
    int port = freePort();
    url = "http://127.0.0.1:" + port;
    process =
        new ProcessBuilder(
                prometheus.toString(),
                "--config.file=" + TestFiles.path("analysis/prometheus/prometheus.yml"),
                "--storage.tsdb.path=" + data,
                // Retention counts back from the newest block, but say it: the fixture is old.
                "--storage.tsdb.retention.time=100y",
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("prometheus.log").toFile())
            .start();
    awaitReady();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    url = null;
    if (process != null) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    if (directory != null) {
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  private void awaitReady() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(url + "/-/ready")).timeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + READY_WITHIN.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("prometheus exited: " + log());
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("prometheus not ready within " + READY_WITHIN + ": " + log());
  }

  private String log() throws IOException {
    return Files.readString(directory.resolve("prometheus.log"));
  }

  private void run(List<String> command) throws Exception {
    Process tool =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("promtool.log").toFile())
            .start();
    if (!tool.waitFor(60, TimeUnit.SECONDS) || tool.exitValue() != 0) {
      tool.destroyForcibly();
      throw new IllegalStateException(
          String.join(" ", command)
              + " failed: "
              + Files.readString(directory.resolve("promtool.log")));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
