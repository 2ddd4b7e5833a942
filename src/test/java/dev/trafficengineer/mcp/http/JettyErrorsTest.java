package dev.trafficengineer.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Malformed HTTP, refused by Jetty before any servlet: JSON-RPC errors, then served on")
class JettyErrorsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String HOST = "Host: localhost\r\n";

  private McpHttpServer server;

  @BeforeAll
  void start() throws IOException {
    server =
        McpHttpServer.start(new HttpSettings("127.0.0.1", 0, false, null, List.of(), List.of()));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("a request line that is not one", "GARBAGE\r\n\r\n", 400, "No URI"),
        Arguments.of(
            "an unknown HTTP version",
            "GET /mcp HTTP/7.1\r\n" + HOST + "\r\n",
            505,
            "HTTP Version Not Supported"),
        Arguments.of(
            "a URI over the header buffer",
            "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\n" + HOST + "\r\n",
            414,
            "URI Too Long"),
        Arguments.of(
            "headers over the header buffer",
            "GET /mcp HTTP/1.1\r\n" + HOST + "X-Big: " + "b".repeat(20_000) + "\r\n\r\n",
            431,
            "Request Header Fields Too Large"),
        Arguments.of(
            "a URI with a bad escape",
            "GET /mcp/%zz HTTP/1.1\r\n" + HOST + "\r\n",
            400,
            "Bad Request"),
        Arguments.of(
            "a header line without a colon",
            "GET /mcp HTTP/1.1\r\n" + HOST + "no colon here\r\n\r\n",
            400,
            "Illegal character"),
        Arguments.of(
            "two Content-Length headers that disagree",
            "POST /mcp HTTP/1.1\r\n" + HOST + "Content-Length: 1\r\nContent-Length: 2\r\n\r\nab",
            400,
            "Multiple Content-Lengths"),
        Arguments.of(
            "a body in a charset no one knows",
            "POST /mcp HTTP/1.1\r\n"
                + HOST
                + "Accept: application/json, text/event-stream\r\n"
                + "Content-Type: application/json; charset=x-no-such\r\nContent-Length: 2\r\n\r\n{}",
            415,
            "Unsupported charset: x-no-such"),
        Arguments.of(
            "an unknown method",
            "BREW /mcp HTTP/1.1\r\n" + HOST + "\r\n",
            501,
            "Method BREW is not"),
        Arguments.of(
            "an HTTP/1.1 request without Host", "GET /mcp HTTP/1.1\r\n\r\n", 400, "No Host"));
  }

  @ParameterizedTest(name = "{0}: {2} {3}")
  @MethodSource("malformed")
  @DisplayName("answers a JSON-RPC error without HTML or stack frames")
  void malformedRequest(String what, String request, int status, String message) throws Exception {
    String answer = exchange(request);
    String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
    String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);

    assertThat(head).startsWith("HTTP/1.1 " + status + " ");
    assertThat(head.toLowerCase()).contains("content-type: application/json");
    JsonNode error = JSON.readTree(body);
    assertThat(error.path("jsonrpc").asString()).isEqualTo("2.0");
    assertThat(error.path("error").path("message").asString()).contains(message);
    assertThat(body).doesNotContain("<html", "<HTML", "Exception", "\tat ", "org.eclipse");
    assertThat(RawHttp.initialize(server.endpoint(), Map.of("Host", "localhost"))).isEqualTo(200);
  }

  /** Writes the bytes, half-closes, and reads everything the server answers until it closes. */
  private String exchange(String request) throws IOException {
    URI endpoint = server.endpoint();
    try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
