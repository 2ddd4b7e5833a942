package dev.trafficengineer.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * MCP over stdio, one session, within the SDK's transport SPI. The SDK's own stdio transport hands
 * every message across threads twice (reader to an inbound sink, then the answer to an outbound
 * thread that serializes it to a string) and its outbound sink fails, killing the transport, when
 * two answers are emitted at once, which pipelined requests provoke. Here the reader thread hands
 * each message straight to the session (a tool call still runs on the SDK's worker threads, so one
 * slow call does not hold up the others), and each answer is serialized by the thread that produced
 * it, straight into the output under its lock: no outbound thread, no copy of a large answer as a
 * string.
 */
final class StdioTransportProvider implements McpServerTransportProvider {
  private static final Logger LOG = LoggerFactory.getLogger(StdioTransportProvider.class);

  private final McpJsonMapper json;
  private final ObjectWriter writer;
  private final InputStream in;
  private final OutputStream out;
  private final AtomicBoolean closing = new AtomicBoolean();
  private volatile McpServerSession session;

  /**
   * @param mapper the mapper behind {@code json}, used to write answers straight to {@code out}
   * @param out the protocol output; every message is written under its lock, as the error answers
   *     of {@link ProtocolInput} are
   */
  StdioTransportProvider(McpJsonMapper json, JsonMapper mapper, InputStream in, OutputStream out) {
    this.json = json;
    this.writer = mapper.writer().without(StreamWriteFeature.AUTO_CLOSE_TARGET);
    this.in = in;
    this.out = out;
  }

  @Override
  public void setSessionFactory(McpServerSession.Factory sessionFactory) {
    session = sessionFactory.create(new Transport());
    Thread reader = new Thread(this::read, "stdio-reader");
    reader.setDaemon(true);
    reader.start();
  }

  @Override
  public Mono<Void> notifyClients(String method, Object params) {
    McpServerSession current = session;
    return current == null
        ? Mono.error(new IllegalStateException("No session to notify"))
        : current.sendNotification(method, params);
  }

  @Override
  public Mono<Void> closeGracefully() {
    McpServerSession current = session;
    return current == null ? Mono.empty() : current.closeGracefully();
  }

  /**
   * Reads one JSON-RPC message per line until the input ends. {@link ProtocolInput} has answered
   * and dropped every line that is not one, so a line the SDK still cannot read is logged and
   * skipped: the client keeps its answers to the others.
   */
  private void read() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while (!closing.get() && (line = lines.readLine()) != null) {
        JSONRPCMessage message;
        try {
          message = McpSchema.deserializeJsonRpcMessage(json, line);
        } catch (IOException | RuntimeException e) {
          LOG.error("Skipping a message the SDK cannot read: {}", e.getMessage());
          continue;
        }
        session
            .handle(message)
            .subscribe(null, e -> LOG.error("Error handling a message: {}", e.getMessage()));
      }
    } catch (IOException e) {
      if (!closing.get()) {
        LOG.error("Error reading standard input", e);
      }
    } finally {
      closing.set(true);
      session.close();
    }
  }

  /**
   * Answers still go out while the session closes: the end of input is held back until they are
   * written (see {@link InFlight}), and a signal's shutdown hook flushes what is left.
   */
  private void write(JSONRPCMessage message) {
    synchronized (out) {
      try {
        writer.writeValue(out, message);
      } catch (RuntimeException e) {
        // Cut off mid-message: end the line, so that the next message starts on one of its own.
        newline();
        throw e;
      }
      newline();
    }
  }

  private void newline() {
    try {
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private final class Transport implements McpServerTransport {
    @Override
    public Mono<Void> sendMessage(JSONRPCMessage message) {
      return Mono.fromRunnable(() -> write(message));
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
      return json.convertValue(data, typeRef);
    }

    @Override
    public Mono<Void> closeGracefully() {
      return Mono.fromRunnable(() -> closing.set(true));
    }

    @Override
    public void close() {
      closing.set(true);
    }
  }
}
