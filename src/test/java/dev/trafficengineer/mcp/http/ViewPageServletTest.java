package dev.trafficengineer.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.core.TestFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /ui} and {@code /ui/draw} in HTTP mode, behind the same checks as {@code /mcp}. */
@DisplayName("/ui in HTTP mode")
class ViewPageServletTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static McpHttpServer start(String token) throws Exception {
    return McpHttpServer.start(
        new HttpSettings("127.0.0.1", 0, false, token, List.of(), List.of()));
  }

  private static URI at(McpHttpServer server, String path) {
    return server.endpoint().resolve(path);
  }

  private static HttpResponse<String> draw(McpHttpServer server, String body, String token)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(at(server, "/ui/draw"))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("GET /ui is the view's HTML with a CSP that allows only the page itself")
  void page() throws Exception {
    try (McpHttpServer server = start(null)) {
      HttpResponse<String> page =
          HTTP.send(
              HttpRequest.newBuilder(at(server, "/ui")).build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("content-type")).hasValue("text/html;charset=utf-8");
      assertThat(page.headers().firstValue("content-security-policy").orElseThrow())
          .startsWith("default-src 'none';")
          .contains("connect-src 'self'");
      assertThat(page.body()).startsWith("<!doctype html>").contains("Paste a route");
    }
  }

  @Test
  @DisplayName("POST /ui/draw draws a pasted route; a bad one is refused naming the field")
  void drawPasted() throws Exception {
    try (McpHttpServer server = start(null)) {
      String body =
          JSON.writeValueAsString(Map.of("yaml", TestFiles.read("golden/lesson-combined.yaml")));
      HttpResponse<String> drawn = draw(server, body, null);
      HttpResponse<String> refused = draw(server, "{\"yaml\":\"kind: Service\"}", null);

      assertThat(drawn.statusCode()).isEqualTo(200);
      JsonNode picture = JSON.readTree(drawn.body());
      assertThat(picture.at("/pictures/0/rules/1/shares/1/percent").asString()).isEqualTo("10%");
      assertThat(picture.at("/svg").asString()).contains("task-api-canary  10% (weight 10)");
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(refused.body()).path("error").asString()).contains("yaml");
    }
  }

  @Test
  @DisplayName("a foreign Host gets 403 and, with a token, no token gets 401, as on /mcp")
  void guarded() throws Exception {
    try (McpHttpServer server = start("s3cret-token")) {
      URI page = at(server, "/ui");
      String body = "{\"yaml\":\"x\"}";

      assertThat(RawHttp.initialize(page, Map.of("Host", "evil.example"))).isEqualTo(403);
      assertThat(RawHttp.initialize(page, Map.of("Host", "127.0.0.1"))).isEqualTo(401);
      assertThat(draw(server, body, null).statusCode()).isEqualTo(401);
      assertThat(draw(server, body, "s3cret-token").statusCode()).isEqualTo(400);
    }
  }
}
