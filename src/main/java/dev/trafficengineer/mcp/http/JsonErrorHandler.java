package dev.trafficengineer.mcp.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers as JSON-RPC errors: those it gives before any servlet sees the request
 * (a malformed request line, headers too large, a bad URI, an unknown HTTP version) would otherwise
 * be an HTML page, and one for an exception may name the server's classes.
 */
final class JsonErrorHandler extends ErrorHandler {
  private static final HttpField JSON =
      new HttpField(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status =
        request.getAttribute(ERROR_STATUS) instanceof Integer code
            ? code
            : HttpStatus.INTERNAL_SERVER_ERROR_500;
    String said = request.getAttribute(ERROR_MESSAGE) instanceof String message ? message : null;
    response.setStatus(status);
    response.getHeaders().put(JSON);
    response.write(
        true, ByteBuffer.wrap(JsonErrorResponse.body(status, message(status, said))), callback);
    return true;
  }

  /**
   * Jetty's reason for a malformed request (for example "Unknown Version" or "Header too large")
   * says what was wrong without telling anything about the server; an exception's message might, so
   * a server error says only its status.
   */
  private static String message(int status, String said) {
    String reason = HttpStatus.getMessage(status);
    if (said == null || said.isBlank() || status >= 500 || said.equals(reason)) {
      return reason;
    }
    return reason + ": " + said;
  }
}
