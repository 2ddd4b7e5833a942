package dev.trafficengineer.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("HTTP sessions over real HTTP: idle ones end with 404, live ones are bounded")
class HttpSessionsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
  private static final String INITIALIZED =
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
  private static final String TOOLS_LIST =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private McpHttpServer server;

  private URI start(SessionLimits sessions) throws Exception {
    server =
        McpHttpServer.start(
            new HttpSettings("127.0.0.1", 0, false, null, List.of(), List.of(), sessions));
    return server.endpoint();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> send(URI endpoint, String method, String body, String session)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json, text/event-stream")
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (session != null) {
      request.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-06-18");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Opens a session the way a client does and returns its id. */
  private String open(URI endpoint) throws Exception {
    HttpResponse<String> initialized = send(endpoint, "POST", INITIALIZE, null);
    assertThat(initialized.statusCode()).isEqualTo(200);
    String session = initialized.headers().firstValue("Mcp-Session-Id").orElseThrow();
    assertThat(send(endpoint, "POST", INITIALIZED, session).statusCode()).isEqualTo(202);
    return session;
  }

  private void assertToolsListed(URI endpoint, String session) throws Exception {
    HttpResponse<String> listed = send(endpoint, "POST", TOOLS_LIST, session);
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.body()).contains("validate_route");
  }

  private static JsonNode error(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("jsonrpc").asString()).isEqualTo("2.0");
    return body.path("error");
  }

  @Test
  @DisplayName("a session idle past the timeout gets 404; a new one is served")
  void idleSessionExpires() throws Exception {
    URI endpoint = start(new SessionLimits(Duration.ofSeconds(1), 10));
    String kept = open(endpoint);
    String idle = open(endpoint);
    assertToolsListed(endpoint, idle);

    for (int i = 0; i < 6; i++) {
      Thread.sleep(250);
      assertToolsListed(endpoint, kept);
    }
    HttpResponse<String> expired = send(endpoint, "POST", TOOLS_LIST, idle);

    assertThat(expired.statusCode()).isEqualTo(404);
    assertThat(error(expired).path("message").asString())
        .contains("Session not found", "idle longer than 1s", "initialize");
    assertToolsListed(endpoint, kept);
    assertToolsListed(endpoint, open(endpoint));
  }

  @Test
  @DisplayName(
      "an initialize beyond the limit gets a JSON-RPC 503 with Retry-After; a closed one frees a place")
  void liveSessionsBounded() throws Exception {
    URI endpoint = start(new SessionLimits(Duration.ofMinutes(30), 2));
    String first = open(endpoint);
    String second = open(endpoint);

    HttpResponse<String> refused = send(endpoint, "POST", INITIALIZE, null);

    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 1800L));
    assertThat(error(refused).path("message").asString())
        .contains("Too many sessions: 2 are live", "--max-sessions", "30m idle");
    assertToolsListed(endpoint, first);

    assertThat(send(endpoint, "DELETE", null, second).statusCode()).isEqualTo(200);
    assertThat(send(endpoint, "POST", TOOLS_LIST, second).statusCode()).isEqualTo(404);
    assertToolsListed(endpoint, open(endpoint));
  }

  @Test
  @DisplayName("an id the server never gave gets 404, and does not count as a session")
  void unknownSession() throws Exception {
    URI endpoint = start(new SessionLimits(Duration.ofMinutes(30), 1));

    HttpResponse<String> unknown = send(endpoint, "POST", TOOLS_LIST, "no-such-session");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(error(unknown).path("message").asString()).contains("Session not found");
    assertToolsListed(endpoint, open(endpoint));
  }
}
