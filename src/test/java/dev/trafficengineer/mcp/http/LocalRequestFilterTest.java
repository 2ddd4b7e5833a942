package dev.trafficengineer.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("HTTP requests from elsewhere are refused")
class LocalRequestFilterTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "localhost:8931, localhost",
    "127.0.0.1, 127.0.0.1",
    "[::1]:8931, [::1]",
    "EVIL.example:80, evil.example"
  })
  @DisplayName("a Host header's name is compared without its port")
  void hostName(String header, String name) {
    assertThat(LocalRequestFilter.hostName(header)).isEqualTo(name);
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @DisplayName("on loopback without a token")
  class Loopback {
    private McpHttpServer streamable;
    private McpHttpServer stateless;

    @BeforeAll
    void start() throws IOException {
      streamable = McpHttpServer.start(settings(false, null, List.of()));
      stateless = McpHttpServer.start(settings(true, null, List.of()));
    }

    @AfterAll
    void stop() {
      streamable.close();
      stateless.close();
    }

    @ParameterizedTest(name = "stateless={0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("Origin: http://evil.example gets 403 (DNS rebinding)")
    void foreignOrigin(boolean isStateless) throws IOException {
      URI endpoint = (isStateless ? stateless : streamable).endpoint();

      assertThat(RawHttp.initialize(endpoint, local(endpoint, "Origin", "http://evil.example")))
          .isEqualTo(403);
    }

    @ParameterizedTest(name = "stateless={0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("Host: evil.example gets 403 (DNS rebinding without an Origin)")
    void foreignHost(boolean isStateless) throws IOException {
      URI endpoint = (isStateless ? stateless : streamable).endpoint();

      assertThat(RawHttp.initialize(endpoint, Map.of("Host", "evil.example:" + endpoint.getPort())))
          .isEqualTo(403);
    }

    @Test
    @DisplayName("Origin: null, as sandboxed pages send, gets 403")
    void nullOrigin() throws IOException {
      URI endpoint = streamable.endpoint();

      assertThat(RawHttp.initialize(endpoint, local(endpoint, "Origin", "null"))).isEqualTo(403);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://localhost:6274", "http://127.0.0.1:3000", "http://[::1]"})
    @DisplayName("a local Origin, such as the MCP Inspector's page, is served")
    void localOrigin(String origin) throws IOException {
      URI endpoint = streamable.endpoint();

      assertThat(RawHttp.initialize(endpoint, local(endpoint, "Origin", origin))).isEqualTo(200);
    }

    @Test
    @DisplayName("Host: localhost without an Origin, as command-line clients send, is served")
    void localHost() throws IOException {
      URI endpoint = stateless.endpoint();

      assertThat(RawHttp.initialize(endpoint, Map.of("Host", "localhost:" + endpoint.getPort())))
          .isEqualTo(200);
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @DisplayName("with a token and an allowed host")
  class Token {
    private McpHttpServer server;

    @BeforeAll
    void start() throws IOException {
      server = McpHttpServer.start(settings(false, "s3cret", List.of("te.example.com")));
    }

    @AfterAll
    void stop() {
      server.close();
    }

    @Test
    @DisplayName("no Authorization header gets 401")
    void missingToken() throws IOException {
      assertThat(RawHttp.initialize(server.endpoint(), Map.of("Host", "localhost"))).isEqualTo(401);
    }

    @Test
    @DisplayName("a wrong token gets 401")
    void wrongToken() throws IOException {
      Map<String, String> headers = Map.of("Host", "localhost", "Authorization", "Bearer s3cre");

      assertThat(RawHttp.initialize(server.endpoint(), headers)).isEqualTo(401);
    }

    @Test
    @DisplayName("the token on an allowed host is served")
    void rightToken() throws IOException {
      Map<String, String> headers =
          Map.of("Host", "te.example.com", "Authorization", "Bearer s3cret");

      assertThat(RawHttp.initialize(server.endpoint(), headers)).isEqualTo(200);
    }

    @Test
    @DisplayName("the token does not make a foreign Origin acceptable")
    void tokenWithForeignOrigin() throws IOException {
      Map<String, String> headers =
          Map.of(
              "Host", "te.example.com",
              "Origin", "http://evil.example",
              "Authorization", "Bearer s3cret");

      assertThat(RawHttp.initialize(server.endpoint(), headers)).isEqualTo(403);
    }
  }

  private static HttpSettings settings(boolean stateless, String token, List<String> hosts) {
    return new HttpSettings("127.0.0.1", 0, stateless, token, hosts, List.of());
  }

  private static Map<String, String> local(URI endpoint, String header, String value) {
    return Map.of("Host", "127.0.0.1:" + endpoint.getPort(), header, value);
  }
}
