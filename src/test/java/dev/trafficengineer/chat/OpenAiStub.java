package dev.trafficengineer.chat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A model server speaking the OpenAI chat-completions protocol on 127.0.0.1, answering each request
 * with the next scripted response (files under {@code /chat/} in the test resources) and keeping
 * every request body, so a test can check what the model was sent.
 */
public final class OpenAiStub implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final Deque<String> responses = new ArrayDeque<>();
  private final List<String> requests = new ArrayList<>();

  private OpenAiStub(List<String> responseFiles) throws IOException {
    for (String file : responseFiles) {
      responses.add(resource(file));
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", this::answer);
    server.start();
  }

  /** A started server that answers with these files, in this order. */
  public static OpenAiStub answering(String... responseFiles) throws IOException {
    return new OpenAiStub(List.of(responseFiles));
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** The request bodies received so far, parsed. */
  public synchronized List<JsonNode> requests() {
    return requests.stream().map(JSON::readTree).toList();
  }

  private synchronized void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String body = responses.poll();
      int status = body == null ? 500 : 200;
      byte[] bytes =
          (body == null ? "{\"error\":{\"message\":\"the stub has no more answers\"}}" : body)
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  private static String resource(String file) {
    try (InputStream in = OpenAiStub.class.getResourceAsStream("/chat/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource /chat/" + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
