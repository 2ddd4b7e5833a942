package dev.trafficengineer.mcp.http;

import dev.trafficengineer.mcp.FatalErrors;
import dev.trafficengineer.mcp.McpServers;
import dev.trafficengineer.mcp.ToolSelection;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The MCP server over Streamable HTTP at {@code /mcp}, in embedded Jetty. Only {@code serve --http}
 * loads this package: the stdio server never touches a Jetty or servlet class.
 */
public final class McpHttpServer implements AutoCloseable {
  public static final String ENDPOINT = "/mcp";
  private static final long STOP_GRACE_MILLIS = 700;

  private final Server jetty;
  private final ServerConnector connector;
  private final Runnable closeMcp;

  private McpHttpServer(Server jetty, ServerConnector connector, Runnable closeMcp) {
    this.jetty = jetty;
    this.connector = connector;
    this.closeMcp = closeMcp;
  }

  /**
   * Listens as the settings say and returns once requests are being served.
   *
   * @throws IOException when the address cannot be bound (in use, not local)
   */
  public static McpHttpServer start(HttpSettings settings) throws IOException {
    return start(settings, ToolSelection.offline());
  }

  /** The same with {@code tools} in place of the offline catalog. */
  public static McpHttpServer start(HttpSettings settings, ToolSelection tools) throws IOException {
    FatalErrors.exitOnUncaughtError();
    McpJsonMapper json = McpServers.jsonMapper();
    HttpServlet servlet;
    Runnable closeMcp;
    List<String> protocolVersions;
    if (settings.stateless()) {
      HttpServletStatelessServerTransport transport =
          HttpServletStatelessServerTransport.builder()
              .jsonMapper(json)
              .messageEndpoint(ENDPOINT)
              .build();
      McpStatelessSyncServer server = McpServers.stateless(transport, json, tools);
      servlet = transport;
      closeMcp = server::closeGracefully;
      protocolVersions = transport.protocolVersions();
    } else {
      HttpServletStreamableServerTransportProvider transport =
          HttpServletStreamableServerTransportProvider.builder()
              .jsonMapper(json)
              .mcpEndpoint(ENDPOINT)
              // A body sent without Content-Length is cut off here; one with it, in the filter.
              .maxRequestSize(LocalRequestFilter.MAX_BODY_BYTES)
              // SessionFilter ends idle sessions on time; the SDK's sweep then frees their memory.
              // The sweep drops a session that started no request during one interval, even one
              // whose answer is still being computed, so the interval is never shorter than a
              // minute: a short --session-idle-timeout must not cut a slow call.
              .sessionSweepInterval(sweepInterval(settings.sessions().idleTimeout()))
              .build();
      McpSyncServer server = McpServers.streamable(transport, json, tools);
      servlet = transport;
      closeMcp = server::closeGracefully;
      protocolVersions = transport.protocolVersions();
    }

    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost(settings.host());
    connector.setPort(settings.port());
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addFilter(
        new FilterHolder(new LocalRequestFilter(settings, protocolVersions)),
        "/*",
        EnumSet.of(DispatcherType.REQUEST));
    if (!settings.stateless()) {
      context.addFilter(
          new FilterHolder(new SessionFilter(settings.sessions())),
          ENDPOINT,
          EnumSet.of(DispatcherType.REQUEST));
    }
    ServletHolder holder = new ServletHolder(servlet);
    // Streamable HTTP answers with server-sent events from another thread.
    holder.setAsyncSupported(true);
    context.addServlet(holder, ENDPOINT);
    ServletHolder view = new ServletHolder(new ViewPageServlet());
    context.addServlet(view, ViewPageServlet.PAGE);
    context.addServlet(view, ViewPageServlet.DRAW);
    // On SIGTERM or SIGINT the requests being answered get a moment to finish; the process ends
    // within a second all told.
    GracefulHandler graceful = new GracefulHandler();
    graceful.setHandler(context);
    jetty.setHandler(graceful);
    jetty.setErrorHandler(new JsonErrorHandler());
    jetty.setStopTimeout(STOP_GRACE_MILLIS);
    jetty.setStopAtShutdown(true);
    try {
      jetty.start();
    } catch (IOException e) {
      stopQuietly(jetty);
      closeMcp.run();
      throw plainly(e);
    } catch (Exception e) {
      stopQuietly(jetty);
      closeMcp.run();
      throw new IOException(e.getMessage(), e);
    }
    return new McpHttpServer(jetty, connector, closeMcp);
  }

  /** Jetty says "Failed to bind"; the reason people act on is in its cause. */
  private static IOException plainly(IOException e) {
    if (e.getCause() instanceof BindException bind
        && String.valueOf(bind.getMessage()).toLowerCase(Locale.ROOT).contains("in use")) {
      return new IOException(
          "address already in use: another process listens there; stop it or pick another --port",
          e);
    }
    return e;
  }

  /** The endpoint's address, with the port actually bound. */
  public URI endpoint() {
    String host = connector.getHost();
    String literal = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return URI.create("http://" + literal + ":" + connector.getLocalPort() + ENDPOINT);
  }

  /** Blocks until the server stops (on SIGTERM or {@link #close()}). */
  public void join() throws InterruptedException {
    jetty.join();
    closeMcp.run();
  }

  @Override
  public void close() {
    stopQuietly(jetty);
    closeMcp.run();
  }

  private static void stopQuietly(Server jetty) {
    try {
      jetty.stop();
    } catch (Exception e) {
      // Stopping is best effort: the process is ending or the test is done with the server.
    }
  }

  static Duration sweepInterval(Duration idleTimeout) {
    Duration floor = Duration.ofMinutes(1);
    return idleTimeout.compareTo(floor) < 0 ? floor : idleTimeout;
  }
}
