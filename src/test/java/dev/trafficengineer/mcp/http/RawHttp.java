package dev.trafficengineer.mcp.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HTTP request written byte for byte: {@code java.net.http} refuses to set {@code Host}, and
 * the DNS-rebinding check is about exactly that header.
 */
final class RawHttp {
  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

  private RawHttp() {}

  /** POSTs {@code initialize} with the given headers and returns the response's status code. */
  static int initialize(URI endpoint, Map<String, String> headers) throws IOException {
    byte[] body = INITIALIZE.getBytes(StandardCharsets.UTF_8);
    StringBuilder request =
        new StringBuilder("POST ").append(endpoint.getPath()).append(" HTTP/1.1\r\n");
    headers.forEach(
        (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    request
        .append("Content-Type: application/json\r\n")
        .append("Accept: application/json, text/event-stream\r\n")
        .append("Content-Length: ")
        .append(body.length)
        .append("\r\nConnection: close\r\n\r\n");
    try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(status.substring(9, 12));
    }
  }
}
