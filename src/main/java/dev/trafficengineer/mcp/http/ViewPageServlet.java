package dev.trafficengineer.mcp.http;

import dev.trafficengineer.core.Json;
import dev.trafficengineer.mcp.Operation;
import dev.trafficengineer.mcp.RolloutView;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The rollout view for a person with a browser, in HTTP mode: {@code GET /ui} is the same HTML the
 * MCP App resource serves (it offers a form when no host embeds it), and {@code POST /ui/draw}
 * draws a pasted route exactly as the view's draw_route tool does. Both sit behind the same
 * Host/Origin checks and bearer token as {@code /mcp} ({@link LocalRequestFilter}).
 */
final class ViewPageServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final String PAGE = "/ui";
  static final String DRAW = "/ui/draw";

  /** The same bound as a route file on the command line. */
  static final int MAX_BODY = 16 * 1024 * 1024;

  /** Scripts and styles only from the page itself; it may talk to its own origin, nothing else. */
  private static final String CSP =
      "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline';"
          + " img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none';"
          + " frame-ancestors 'none'";

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!PAGE.equals(request.getServletPath())) {
      response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "POST a route to " + DRAW);
      return;
    }
    response.setHeader("Content-Security-Policy", CSP);
    response.setHeader("X-Content-Type-Options", "nosniff");
    send(response, 200, "text/html", RolloutView.html());
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!DRAW.equals(request.getServletPath())) {
      response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "GET " + PAGE);
      return;
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_BODY + 1);
    }
    if (body.length > MAX_BODY) {
      send(response, 413, "application/json", error("the request is over 16 MiB"));
      return;
    }
    Operation.Outcome outcome = RolloutView.draw(new String(body, StandardCharsets.UTF_8));
    if (outcome.isError()) {
      send(response, 400, "application/json", error(outcome.text()));
    } else {
      send(response, 200, "application/json", Json.MAPPER.writeValueAsString(outcome.structured()));
    }
  }

  private static String error(String message) {
    return Json.MAPPER.writeValueAsString(Map.of("error", message));
  }

  private static void send(HttpServletResponse response, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(type + ";charset=utf-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
