package dev.trafficengineer.mcp.http;

import dev.trafficengineer.core.Json;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Every error answer as a JSON-RPC error object, whoever makes it: a refusal here, {@code
 * sendError} from the SDK or the container, or an error body the SDK writes itself (it serializes
 * its exception, stack frames and all, which tells a caller about the server's insides). Success
 * answers, server-sent events included, pass through untouched.
 */
final class JsonErrorResponse extends HttpServletResponseWrapper {
  private CharArrayWriter errorBody;
  private PrintWriter errorWriter;

  JsonErrorResponse(HttpServletResponse response) {
    super(response);
  }

  /** Answers with {@code status} and a JSON-RPC error saying {@code message}. */
  static void send(HttpServletResponse response, int status, String message) throws IOException {
    byte[] bytes = body(status, message);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
    response.flushBuffer();
  }

  /** A JSON-RPC error object for an HTTP error answer: no request id is known at this level. */
  static byte[] body(int status, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", status >= 500 ? -32603 : -32600);
    error.put("message", message);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("jsonrpc", "2.0");
    body.put("id", null);
    body.put("error", error);
    return Json.MAPPER.writeValueAsBytes(body);
  }

  @Override
  public void sendError(int status, String message) throws IOException {
    send(unwrapped(), status, message == null ? reason(status) : message);
  }

  @Override
  public void sendError(int status) throws IOException {
    send(unwrapped(), status, reason(status));
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    if (getStatus() < 400) {
      return super.getWriter();
    }
    if (errorWriter == null) {
      errorBody = new CharArrayWriter();
      errorWriter = new PrintWriter(errorBody);
    }
    return errorWriter;
  }

  /** Writes the error body the SDK wrote, reduced to its message, once the request is handled. */
  void finish() throws IOException {
    if (errorBody == null || isCommitted()) {
      return;
    }
    errorWriter.flush();
    String message = reason(getStatus());
    try {
      JsonNode written = Json.MAPPER.readTree(errorBody.toString());
      String said = written.path("message").asString("");
      if (said.isEmpty()) {
        said = written.path("error").path("message").asString("");
      }
      message = said.isEmpty() ? message : said;
    } catch (JacksonException e) {
      // Not JSON: its text is no one's business but the server log's.
    }
    resetBuffer();
    send(unwrapped(), getStatus(), message);
  }

  private HttpServletResponse unwrapped() {
    return (HttpServletResponse) getResponse();
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found: the MCP endpoint is " + McpHttpServer.ENDPOINT;
      case 405 -> "Method Not Allowed";
      case 406 -> "Not Acceptable";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 503 -> "Service Unavailable";
      default -> "HTTP " + status;
    };
  }
}
