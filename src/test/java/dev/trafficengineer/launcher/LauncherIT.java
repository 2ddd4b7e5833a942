package dev.trafficengineer.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The launcher as an MCP client starts it, after {@code package}: it makes a class-data archive and
 * uses it, and whatever state the archive is in, stdout carries nothing but JSON-RPC.
 */
@DisplayName("bin/traffic-engineer serve")
@EnabledOnOs(OS.LINUX)
class LauncherIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path HOME = Path.of(System.getProperty("user.dir"));
  private static final Path CLASS_DATA = HOME.resolve("target/class-data");
  private static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}\n"
          + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n";

  private static final String CANARY =
      "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
          + "\"generate_canary\",\"arguments\":{\"namespace\":\"shop\",\"gateway\":\"gw\","
          + "\"stableService\":\"shop\",\"canaryService\":\"shop-canary\",\"port\":80,"
          + "\"canaryWeight\":10}}}\n";

  record Run(int exitCode, List<String> stdout, String stderr) {}

  @Test
  @DisplayName("makes an archive, uses it, and keeps stdout pure when it is corrupt or truncated")
  void archiveLifecycle() throws Exception {
    lifecycle(Map.of(), ".jsa");
  }

  @Test
  @DisplayName("on Java 25 (when installed) does the same with an AOT cache")
  void aotCacheLifecycle() throws Exception {
    if (!Files.isExecutable(JAVA_25.resolve("bin/java"))) {
      return;
    }
    lifecycle(Map.of("JAVA_HOME", JAVA_25.toString()), ".aot");
  }

  @Test
  @DisplayName("serves the 10,000-route validation with a 64 MiB heap")
  void smallHeap() throws Exception {
    String route =
        answerOf(serve(Map.of(), INITIALIZE + CANARY), 2).at("/structuredContent/yaml").asString();
    StringBuilder routes = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      routes.append("---\n").append(route.replaceFirst("(?m)^  name: .*$", "  name: r-" + i));
    }
    String validate =
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
            + "\"validate_route\",\"arguments\":{\"yaml\":"
            + JSON.writeValueAsString(routes.toString())
            + "}}}\n";

    Run run = serve(Map.of("JAVA_OPTS", "-Xmx64m"), INITIALIZE + validate);

    JsonNode answer = answerOf(run, 3);
    assertThat(answer.path("isError").asBoolean()).as(run.stderr()).isFalse();
    assertThat(answer.at("/structuredContent/valid").asBoolean()).isTrue();
    // Every copy after the first: its rule is shadowed by the first copy's, ranked by name.
    assertThat(answer.at("/structuredContent/findings").size()).isEqualTo(9_999);
  }

  private void lifecycle(Map<String, String> env, String suffix) throws Exception {
    // First start after a build: the archive is made, then used.
    deleteArchives(suffix);
    Run first = serve(env, INITIALIZE + CANARY);
    assertAnswered(first);
    Path archive = archive(suffix);
    assertThat(archive).exists();

    // Same size, nonsense content, newer than the jar: the launcher passes it on, the JVM
    // refuses it (on stderr) and starts without it.
    byte[] garbage = new byte[(int) Files.size(archive)];
    new Random(9).nextBytes(garbage);
    Files.write(archive, garbage);
    touch(archive);
    assertAnswered(serve(env, INITIALIZE + CANARY));

    // Cut short, as by a full disk: mapping it would crash the JVM, so the launcher must not
    // pass it on.
    deleteArchives(suffix);
    assertAnswered(serve(env, INITIALIZE + CANARY));
    archive = archive(suffix);
    byte[] whole = Files.readAllBytes(archive);
    Files.write(archive, java.util.Arrays.copyOf(whole, whole.length / 2));
    touch(archive);
    assertAnswered(serve(env, INITIALIZE + CANARY));

    // Older than the jar: made again.
    Files.setLastModifiedTime(archive, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
    Run remade = serve(env, INITIALIZE + CANARY);
    assertAnswered(remade);
    assertThat(remade.stderr()).contains("preparing class data");
    assertThat(Files.size(archive(suffix))).isGreaterThan(whole.length / 2);
  }

  private static void assertAnswered(Run run) {
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    for (String line : run.stdout()) {
      JsonNode message = JSON.readTree(line);
      assertThat(message.path("jsonrpc").asString()).as(line).isEqualTo("2.0");
    }
    assertThat(answerOf(run, 1).path("serverInfo").path("name").asString())
        .isEqualTo("traffic-engineer");
    assertThat(answerOf(run, 2).path("isError").asBoolean()).as(run.stderr()).isFalse();
  }

  private static JsonNode answerOf(Run run, int id) {
    return run.stdout().stream()
        .map(JSON::readTree)
        .filter(message -> message.path("id").asInt(-1) == id)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no answer " + id + "; stderr: " + run.stderr()))
        .path("result");
  }

  private static Run serve(Map<String, String> env, String input) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(HOME.resolve("bin/traffic-engineer").toString(), "serve");
    builder.environment().remove("JAVA_OPTS");
    builder.environment().remove("TE_JAVA");
    builder.environment().putAll(env);
    Path err = Files.createTempFile("launcher", ".err");
    builder.redirectError(err.toFile());
    Process process = builder.start();
    process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String stderr = Files.readString(err);
    Files.delete(err);
    List<String> lines = new ArrayList<>(out.lines().toList());
    return new Run(process.exitValue(), lines, stderr);
  }

  private static Path archive(String suffix) throws IOException {
    try (Stream<Path> files = Files.list(CLASS_DATA)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(suffix))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no *" + suffix + " in " + CLASS_DATA));
    }
  }

  private static void deleteArchives(String suffix) throws IOException {
    if (!Files.isDirectory(CLASS_DATA)) {
      return;
    }
    try (Stream<Path> files = Files.list(CLASS_DATA)) {
      for (Path file : files.toList()) {
        if (file.getFileName().toString().contains(suffix)) {
          Files.delete(file);
        }
      }
    }
  }

  private static void touch(Path file) throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
  }
}
