package dev.trafficengineer.mcp;

import dev.trafficengineer.mcp.http.HttpSettings;
import dev.trafficengineer.mcp.http.McpHttpServer;
import java.io.IOException;
import java.util.List;

/** The HTTP server in this JVM on a free loopback port, as {@code serve --http} starts it. */
final class LocalHttpServer {
  private LocalHttpServer() {}

  static McpHttpServer start(boolean stateless) throws IOException {
    return McpHttpServer.start(
        new HttpSettings("127.0.0.1", 0, stateless, null, List.of(), List.of()));
  }
}
