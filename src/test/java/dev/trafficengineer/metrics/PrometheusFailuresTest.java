package dev.trafficengineer.metrics;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.trafficengineer.core.analysis.AnalyzeRequest;
import dev.trafficengineer.core.analysis.QueriesRequest;
import dev.trafficengineer.core.analysis.VersionStats;
import dev.trafficengineer.core.input.InvalidInputException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Failures are reported against prometheusUrl, in words a person can act on. */
@DisplayName("PrometheusCounts without a working Prometheus")
class PrometheusFailuresTest {
  private static final String END = "2023-11-14T22:13:20Z";

  @Test
  @DisplayName("a closed port is reported as unreachable, naming the URL")
  void unreachable() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;

    assertThatThrownBy(() -> PrometheusCounts.resolve(request(url, "task-api", END)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("prometheusUrl: \"" + url + "\"")
        .hasMessageContaining("could not be reached");
  }

  @Test
  @DisplayName("a server that does not answer JSON is named as not a Prometheus")
  void notPrometheus() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = "<html>login</html>".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      assertThatThrownBy(() -> PrometheusCounts.resolve(request(url, "task-api", END)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining(
              "did not answer like a Prometheus (HTTP 200, not JSON: <html>login</html>)");
    } finally {
      server.stop(0);
    }
  }

  @Test
  @DisplayName("URLs that are not plain http(s) server addresses are refused before any request")
  void refusesUrls() {
    for (String url :
        new String[] {
          "file:///etc/passwd",
          "ftp://127.0.0.1",
          "http://user:pw@127.0.0.1:9090",
          "http://127.0.0.1:9090/?x=1",
          "127.0.0.1:9090"
        }) {
      assertThatThrownBy(() -> PrometheusCounts.resolve(request(url, "task-api", END)))
          .as(url)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("prometheusUrl:");
    }
  }

  @Test
  @DisplayName("counts and a Prometheus together are refused: which would count?")
  void refusesBoth() {
    AnalyzeRequest both =
        new AnalyzeRequest(
            new VersionStats(1L, 0L, null),
            null,
            null,
            null,
            null,
            "http://127.0.0.1:9",
            null,
            null);

    assertThatThrownBy(() -> PrometheusCounts.resolve(both))
        .hasMessageContaining("cannot be combined with stable and canary counts");
  }

  private static AnalyzeRequest request(String url, String namespace, String time) {
    return new AnalyzeRequest(
        null,
        null,
        null,
        null,
        null,
        url,
        new QueriesRequest(namespace, null, null, null, null, null, null, null),
        time);
  }
}
