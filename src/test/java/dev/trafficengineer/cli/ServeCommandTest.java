package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.TestFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("serve")
class ServeCommandTest {
  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

  @Test
  @DisplayName("refuses to listen on a public address without a token: exit 2, a clear reason")
  void refusesPublicBindWithoutToken() {
    CliRun run = CliRun.of("serve", "--http", "--host", "0.0.0.0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains("refusing to listen on 0.0.0.0 without a bearer token", "--token-file");
  }

  @Test
  @DisplayName("an HTTP option without --http is a usage error")
  void httpOptionNeedsHttp() {
    CliRun run = CliRun.of("serve", "--port", "9000");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--port needs --http");
  }

  @Test
  @DisplayName("session limits: --http only, not with --stateless, a duration such as 30m")
  void sessionLimitOptions() {
    CliRun withoutHttp = CliRun.of("serve", "--max-sessions", "10");
    CliRun stateless = CliRun.of("serve", "--http", "--stateless", "--session-idle-timeout", "5m");
    CliRun notADuration = CliRun.of("serve", "--http", "--session-idle-timeout", "30 minutes");
    CliRun noSessions = CliRun.of("serve", "--http", "--max-sessions", "0");

    assertThat(withoutHttp.exitCode()).isEqualTo(2);
    assertThat(withoutHttp.err()).contains("--max-sessions needs --http");
    assertThat(stateless.exitCode()).isEqualTo(2);
    assertThat(stateless.err())
        .contains("--session-idle-timeout has no sessions to act on with --stateless");
    assertThat(notADuration.exitCode()).isEqualTo(2);
    assertThat(notADuration.err())
        .contains("'30 minutes' is not a duration such as 90s, 30m or 2h");
    assertThat(noSessions.exitCode()).isEqualTo(2);
    assertThat(noSessions.err()).contains("--max-sessions must be at least 1, not 0");
  }

  @Test
  @DisplayName("an unreadable token file is a usage error")
  void unreadableTokenFile(@TempDir Path directory) {
    CliRun run =
        CliRun.of("serve", "--http", "--token-file", directory.resolve("missing").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("cannot read the token file");
  }

  @Test
  @DisplayName("a port in use is a usage error that names the address")
  void portInUse() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CliRun run = CliRun.of("serve", "--http", "--port", String.valueOf(taken.getLocalPort()));

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
    }
  }

  @Test
  @DisplayName("--http serves /mcp and says where on stderr")
  void servesHttp() throws Exception {
    Process server = java(List.of(), "serve", "--http", "--port", "0");
    try {
      BufferedReader err =
          new BufferedReader(
              new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
      Matcher banner = Pattern.compile("at (http://\\S+/mcp)").matcher(err.readLine());
      assertThat(banner.find()).isTrue();

      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(banner.group(1)))
                      .header("Content-Type", "application/json")
                      .header("Accept", "application/json, text/event-stream")
                      .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"name\":\"traffic-engineer\"");
    } finally {
      server.destroy();
      server.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  @DisplayName(
      "the stdio server loads no Jetty, servlet, HTTP-server, cluster-client or picture class")
  void stdioLoadsNoHttpClass(@TempDir Path directory) throws Exception {
    Path log = directory.resolve("class-load.log");
    // A file, not a pipe: the log is long, and a full pipe would stall the server.
    Process server = java(List.of("-Xlog:class+load=info:file=" + log), "serve");
    try (OutputStream in = server.getOutputStream()) {
      in.write(
          (INITIALIZE
                  + "\n{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                  + "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"prompts/list\"}\n"
                  + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
                  + "\"decision_framework\",\"arguments\":{\"instantSwitch\":true}}}\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String loaded = Files.readString(log);

    assertThat(out).contains("\"id\":2", "blue-green");
    assertThat(loaded).contains("dev.trafficengineer.mcp.McpStdioServer");
    assertThat(loaded)
        .doesNotContain(
            "org.eclipse.jetty",
            "jakarta.servlet",
            "dev.trafficengineer.mcp.http",
            "io.fabric8.kubernetes.client",
            "dev.trafficengineer.cluster",
            "dev.trafficengineer.mcp.Cluster",
            "dev.trafficengineer.core.picture.PictureBuilder",
            "dev.trafficengineer.core.picture.PictureSvg");
  }

  @Test
  @DisplayName("cluster options without --cluster are a usage error")
  void clusterOptionsNeedCluster() {
    CliRun run = CliRun.of("serve", "--allow-writes");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--allow-writes needs --cluster");
    for (String option : List.of("--namespace=task-api", "--as=bob", "--confirm=token")) {
      CliRun other = CliRun.of("serve", option);

      assertThat(other.exitCode()).isEqualTo(2);
      assertThat(other.err())
          .contains(option.substring(0, option.indexOf('=')) + " needs --cluster");
    }
  }

  @Test
  @DisplayName("write options without --allow-writes, or a short plan key, are usage errors")
  void writeOptions(@TempDir Path directory) throws IOException {
    Path shortKey = directory.resolve("plan.key");
    Files.write(shortKey, new byte[16]);
    String kubeconfig = directory.resolve("kubeconfig").toString();
    Files.writeString(
        Path.of(kubeconfig),
        TestFiles.read("cluster/kubeconfig.yaml").replace("SERVER", "https://127.0.0.1:1"));

    CliRun confirm =
        CliRun.of("serve", "--cluster", "--kubeconfig", kubeconfig, "--confirm", "token");
    CliRun key =
        CliRun.of(
            "serve",
            "--cluster",
            "--allow-writes",
            "--kubeconfig",
            kubeconfig,
            "--plan-key-file",
            shortKey.toString());

    assertThat(confirm.exitCode()).isEqualTo(2);
    assertThat(confirm.err()).contains("--confirm needs --allow-writes");
    assertThat(key.exitCode()).isEqualTo(2);
    assertThat(key.err()).contains("--plan-key-file", "16 bytes", "at least 32");
  }

  @Test
  @DisplayName("an unreadable kubeconfig is a usage error that names it")
  void unreadableKubeconfig(@TempDir Path directory) {
    String missing = directory.resolve("missing").toString();

    CliRun run = CliRun.of("serve", "--cluster", "--kubeconfig", missing);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("the kubeconfig file " + missing + " does not exist");
  }

  /** The command line in a JVM of its own, on this test run's class path. */
  private static Process java(List<String> jvmOptions, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Unified logging writes to stdout unless told otherwise, and stdout is the protocol.
    command.add("-Xlog:disable");
    command.add("-Xlog:all=warning:stderr");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }
}
