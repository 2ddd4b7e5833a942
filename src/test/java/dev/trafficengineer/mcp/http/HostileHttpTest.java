package dev.trafficengineer.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("HTTP server under hostile requests: JSON-RPC refusals, and the next request answered")
class HostileHttpTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
  private static final String TOKEN = "s3cret-token";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private McpHttpServer server;
  private McpHttpServer guarded;

  @BeforeAll
  void start() throws IOException {
    server =
        McpHttpServer.start(new HttpSettings("127.0.0.1", 0, false, null, List.of(), List.of()));
    guarded =
        McpHttpServer.start(new HttpSettings("127.0.0.1", 0, false, TOKEN, List.of(), List.of()));
  }

  @AfterAll
  void stop() {
    server.close();
    guarded.close();
  }

  private HttpResponse<String> post(URI endpoint, String body, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> initialize(URI endpoint, String... headers) throws Exception {
    String[] all = new String[headers.length + 2];
    all[0] = "Accept";
    all[1] = "application/json, text/event-stream";
    System.arraycopy(headers, 0, all, 2, headers.length);
    return post(endpoint, INITIALIZE, all);
  }

  /** The body is a JSON-RPC error whose message contains {@code expected}, and nothing more. */
  private static void assertJsonRpcError(HttpResponse<String> response, String... expected) {
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("jsonrpc").asString()).isEqualTo("2.0");
    assertThat(body.path("error").path("message").asString()).contains(expected);
    assertThat(response.body()).doesNotContain("stackTrace", "at io.", "at org.", "Exception");
  }

  @Test
  @DisplayName("a body over 10 MiB gets 413 naming both sizes")
  void bodyTooLarge() throws Exception {
    String huge = "{\"pad\":\"" + "x".repeat(LocalRequestFilter.MAX_BODY_BYTES) + "\"}";
    HttpResponse<String> refused =
        post(server.endpoint(), huge, "Accept", "application/json, text/event-stream");

    assertThat(refused.statusCode()).isEqualTo(413);
    assertJsonRpcError(refused, "10,485,770 bytes", "the limit is 10,485,760 bytes");
    assertThat(initialize(server.endpoint()).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("the SDK's own refusal (no Accept header) comes back without a stack trace")
  void sdkErrorWithoutStackTrace() throws Exception {
    HttpResponse<String> refused = post(server.endpoint(), INITIALIZE);

    assertThat(refused.statusCode()).isBetween(400, 499);
    assertJsonRpcError(refused, "Accept");
    assertThat(initialize(server.endpoint()).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("an unsupported MCP-Protocol-Version gets 400 listing the supported ones")
  void unsupportedProtocolVersion() throws Exception {
    HttpResponse<String> refused =
        initialize(server.endpoint(), "MCP-Protocol-Version", "1999-01-01");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertJsonRpcError(refused, "Unsupported MCP-Protocol-Version: 1999-01-01", "2025-06-18");
    assertThat(initialize(server.endpoint(), "MCP-Protocol-Version", "2025-06-18").statusCode())
        .isEqualTo(200);
  }

  @Test
  @DisplayName("a path other than /mcp gets a JSON-RPC 404")
  void otherPath() throws Exception {
    HttpResponse<String> refused =
        http.send(
            HttpRequest.newBuilder(server.endpoint().resolve("/elsewhere")).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(404);
    assertJsonRpcError(refused, "/mcp");
  }

  @Test
  @DisplayName("the bearer scheme is case-insensitive; a wrong token gets a JSON-RPC 401")
  void bearerScheme() throws Exception {
    HttpResponse<String> wrong =
        initialize(guarded.endpoint(), "Authorization", "Bearer not-the-token");

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertJsonRpcError(wrong, "Bearer token required");
    assertThat(initialize(guarded.endpoint(), "Authorization", "bearer " + TOKEN).statusCode())
        .isEqualTo(200);
    assertThat(initialize(guarded.endpoint(), "Authorization", "BEARER " + TOKEN).statusCode())
        .isEqualTo(200);
  }

  @Test
  @DisplayName("a port in use is said plainly")
  void portInUse() {
    int port = server.endpoint().getPort();

    assertThatThrownBy(
            () ->
                McpHttpServer.start(
                    new HttpSettings("127.0.0.1", port, false, null, List.of(), List.of())))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("address already in use");
  }

  @Test
  @DisplayName("SIGTERM: a served process answers what it was asked, then exits within 1 s")
  void sigterm() throws Exception {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.trafficengineer.cli.Main",
                "serve",
                "--http",
                "--port",
                "0")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      URI endpoint = null;
      BufferedReader stderr =
          new BufferedReader(
              new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
      for (String line = stderr.readLine(); line != null; line = stderr.readLine()) {
        Matcher at = Pattern.compile("at (http://\\S+/mcp)").matcher(line);
        if (at.find()) {
          endpoint = URI.create(at.group(1));
          break;
        }
      }
      assertThat(endpoint).as("the endpoint announced on stderr").isNotNull();
      assertThat(initialize(endpoint).statusCode()).isEqualTo(200);

      process.destroy();
      long signalled = System.nanoTime();
      boolean exited = process.waitFor(5, TimeUnit.SECONDS);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);

      assertThat(exited).isTrue();
      assertThat(millis).as("milliseconds from SIGTERM to exit").isLessThan(1000);
    } finally {
      process.destroyForcibly();
    }
  }
}
