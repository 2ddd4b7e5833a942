package dev.trafficengineer.mcp.http;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ends idle sessions and bounds the live ones, in front of the SDK (which keeps every session until
 * its own sweep, however many). A request naming a session that ended gets 404: the MCP
 * specification (Streamable HTTP, session management) says a server that ended a session MUST
 * answer 404 to it, and a client that gets 404 MUST start a new session with a new {@code
 * initialize}. An {@code initialize} while {@link SessionLimits#maxSessions()} are live gets 503
 * with {@code Retry-After}: the server as a whole is full for a while, which is what 503 says; 429
 * would blame this one client for sending too much, and it may have sent nothing before.
 */
final class SessionFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  static final String SESSION_HEADER = "Mcp-Session-Id";

  private final transient SessionRegistry registry;
  private final SessionLimits limits;

  SessionFilter(SessionLimits limits) {
    this.limits = limits;
    this.registry = new SessionRegistry(limits, System::nanoTime);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String id = request.getHeader(SESSION_HEADER);
    if (id != null) {
      serveSession(id, request, response, chain);
    } else if ("POST".equals(request.getMethod())) {
      openSession(request, response, chain);
    } else {
      chain.doFilter(request, response);
    }
  }

  private void serveSession(
      String id, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!registry.enter(id)) {
      JsonErrorResponse.send(
          response,
          HttpServletResponse.SC_NOT_FOUND,
          "Session not found: it ended, or sat idle longer than "
              + SessionLimits.text(limits.idleTimeout())
              + "; start a new session with initialize (without Mcp-Session-Id)");
      return;
    }
    boolean answering = false;
    try {
      chain.doFilter(request, response);
      if (request.isAsyncStarted()) {
        // Answered later, as server-sent events: the session is in use until the stream ends.
        request.getAsyncContext().addListener(new Leave(id));
        answering = true;
      }
    } finally {
      if (!answering) {
        registry.leave(id);
      }
    }
    boolean deleted = "DELETE".equals(request.getMethod()) && response.getStatus() < 300;
    if (deleted || response.getStatus() == HttpServletResponse.SC_NOT_FOUND) {
      registry.closed(id);
    }
  }

  private void openSession(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!registry.reserve()) {
      long seconds = Math.max(1, (registry.untilPlaceFrees().toMillis() + 999) / 1000);
      response.setHeader("Retry-After", Long.toString(seconds));
      JsonErrorResponse.send(
          response,
          HttpServletResponse.SC_SERVICE_UNAVAILABLE,
          String.format(
              Locale.ROOT,
              "Too many sessions: %,d are live, the limit (--max-sessions); a session ends when"
                  + " its client deletes it or after %s idle; retry in %d s",
              limits.maxSessions(),
              SessionLimits.text(limits.idleTimeout()),
              seconds));
      return;
    }
    Opening opening = new Opening(response);
    try {
      chain.doFilter(request, opening);
    } finally {
      opening.done(response.getHeader(SESSION_HEADER));
    }
  }

  /**
   * Registers the session the moment the SDK names it, before its answer can reach the client: a
   * client sends its next request (notifications/initialized) as soon as it reads the answer, which
   * may be before {@code doFilter} returns here, and that request must find its session.
   */
  private final class Opening extends HttpServletResponseWrapper {
    private boolean settled;

    Opening(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setHeader(String name, String value) {
      named(name, value);
      super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
      named(name, value);
      super.addHeader(name, value);
    }

    private void named(String name, String value) {
      if (SESSION_HEADER.equalsIgnoreCase(name) && value != null) {
        settle(value);
      }
    }

    /** The answer is written: the session it named, if the SDK set the header some other way. */
    void done(String id) {
      settle(id);
    }

    private synchronized void settle(String id) {
      if (!settled) {
        settled = true;
        registry.opened(id);
      }
    }
  }

  /** Marks the end of a request answered asynchronously, once, however it ended. */
  private final class Leave implements AsyncListener {
    private final String id;
    private final AtomicBoolean left = new AtomicBoolean();

    Leave(String id) {
      this.id = id;
    }

    @Override
    public void onComplete(AsyncEvent event) {
      leaveOnce();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      leaveOnce();
    }

    @Override
    public void onError(AsyncEvent event) {
      leaveOnce();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      event.getAsyncContext().addListener(this);
    }

    private void leaveOnce() {
      if (left.compareAndSet(false, true)) {
        registry.leave(id);
      }
    }
  }
}
