package dev.trafficengineer.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficengineer.core.TestFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
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
import tools.jackson.databind.node.ObjectNode;

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
  @DisplayName(
      "a body over 10 MiB still arriving when refused gets its 413, not a reset connection")
  void bodyTooLargeStillArriving() throws Exception {
    URI endpoint = server.endpoint();
    int length = LocalRequestFilter.MAX_BODY_BYTES + 1024 * 1024;
    byte[] chunk = new byte[1024 * 1024];
    Arrays.fill(chunk, (byte) 'x');
    String head =
        "POST "
            + endpoint.getPath()
            + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Accept: application/json, text/event-stream\r\nConnection: close\r\nContent-Length: "
            + length
            + "\r\n\r\n";
    try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(chunk);
      out.flush();
      // A server that answers and closes now, without reading on, resets the connection when the
      // rest arrives: the writes below fail or the answer is lost.
      Thread.sleep(500);
      for (int sent = chunk.length; sent < length; sent += chunk.length) {
        out.write(chunk, 0, Math.min(chunk.length, length - sent));
      }
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(answer).startsWith("HTTP/1.1 413 ").contains("the limit is 10,485,760 bytes");
    }
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
  @DisplayName("SIGTERM: a tools/call in flight is answered, then the process exits within 1 s")
  void sigtermFlushesTheAnswerInFlight() throws Exception {
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
      URI endpoint = announcedEndpoint(process);
      HttpResponse<String> initialized = initialize(endpoint);
      assertThat(initialized.statusCode()).isEqualTo(200);
      String session = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
      byte[] call = validateRouteCall();
      // A first call loads the validator, so that the one in flight takes milliseconds, not the
      // better part of the grace period.
      HttpResponse<String> warm =
          post(
              endpoint,
              new String(call, StandardCharsets.UTF_8),
              "Accept",
              "application/json, text/event-stream",
              "Mcp-Session-Id",
              session);
      assertThat(warm.body()).contains("\"id\":7");

      try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        // All but the end of the body: the server is handling the call, waiting for the rest.
        out.write(callHead(endpoint, session, call.length));
        out.write(call, 0, call.length - 16);
        out.flush();
        Thread.sleep(300);

        process.destroy();
        long signalled = System.nanoTime();
        Thread.sleep(100);
        out.write(call, call.length - 16, 16);
        out.flush();
        String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean exited = process.waitFor(5, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);

        assertThat(answer).startsWith("HTTP/1.1 200 ").contains("\"id\":7", "\"result\"");
        assertThat(answer).contains("\"structuredContent\":{\"valid\":true");
        assertThat(exited).isTrue();
        assertThat(millis).as("milliseconds from SIGTERM to exit").isLessThan(1000);
      }
    } finally {
      process.destroyForcibly();
    }
  }

  private static URI announcedEndpoint(Process process) throws IOException {
    BufferedReader stderr =
        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    for (String line = stderr.readLine(); line != null; line = stderr.readLine()) {
      Matcher at = Pattern.compile("at (http://\\S+/mcp)").matcher(line);
      if (at.find()) {
        return URI.create(at.group(1));
      }
    }
    throw new AssertionError("the server announced no endpoint on stderr");
  }

  /** A validate_route call on the combined lesson route, which is valid. */
  private static byte[] validateRouteCall() {
    ObjectNode call = JSON.createObjectNode();
    call.put("jsonrpc", "2.0").put("id", 7).put("method", "tools/call");
    ObjectNode params = call.putObject("params");
    params.put("name", "validate_route");
    params.putObject("arguments").put("yaml", TestFiles.read("golden/lesson-combined.yaml"));
    return JSON.writeValueAsBytes(call);
  }

  private static byte[] callHead(URI endpoint, String session, int length) {
    return ("POST "
            + endpoint.getPath()
            + " HTTP/1.1\r\nHost: "
            + endpoint.getHost()
            + ":"
            + endpoint.getPort()
            + "\r\nContent-Type: application/json\r\n"
            + "Accept: application/json, text/event-stream\r\n"
            + "MCP-Protocol-Version: 2025-06-18\r\nMcp-Session-Id: "
            + session
            + "\r\nContent-Length: "
            + length
            + "\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }
}
