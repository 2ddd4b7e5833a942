package dev.trafficengineer.mcp;

import dev.trafficengineer.core.Json;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Standard input as the SDK's stdio transport can take it, and a signal when it ends.
 *
 * <p>The transport stops reading for good at the first line it cannot turn into a JSON-RPC message,
 * which leaves the client without answers and the process without an end. So each line is checked
 * here first: a JSON-RPC message passes through; anything else is answered on the protocol output
 * with a JSON-RPC error (-32700 parse error, -32600 invalid request), as JSON-RPC 2.0 asks, and
 * dropped. The same goes for a line over {@link #MAX_LINE_BYTES}, which is refused before it is
 * held in memory (with the request's id when its first kilobyte names it), and for a request before
 * {@code initialize}, which the SDK would leave unanswered. At the end of input it first waits for
 * the answers still being computed (see {@link InFlight}); and since the SDK reads on a thread of
 * its own and cannot tell that the client has gone, {@link #awaitEnd()} can.
 */
final class ProtocolInput extends InputStream {
  private static final Logger LOG = LoggerFactory.getLogger(ProtocolInput.class);
  private static final JsonMapper JSON = Json.MAPPER;
  private static final long ANSWER_TIMEOUT_SECONDS = 30;

  /**
   * The longest line taken: 8 MiB of YAML (the YAML reader's own limit) as a JSON string, with room
   * for its escapes and the rest of the request. Anything longer could only be refused later, after
   * costing its size several times over in a heap of 64 MiB.
   */
  static final int MAX_LINE_BYTES = 10 * 1024 * 1024;

  /** How much of a refused line is kept to find the request's id in. */
  private static final int HEAD = 1024;

  private final InputStream bytes;
  private final int maxLineBytes;
  private boolean initialized;
  private final OutputStream protocol;
  private final InFlight inFlight;
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile Thread reader;
  private byte[] line = new byte[0];
  private int next;

  /**
   * @param protocol the stream the transport writes to; error answers lock it as the transport
   *     does, so that messages never interleave
   */
  ProtocolInput(InputStream in, OutputStream protocol, InFlight inFlight) {
    this(in, protocol, inFlight, MAX_LINE_BYTES);
  }

  ProtocolInput(InputStream in, OutputStream protocol, InFlight inFlight, int maxLineBytes) {
    this.bytes = new BufferedInputStream(in, 64 * 1024);
    this.maxLineBytes = maxLineBytes;
    this.protocol = protocol;
    this.inFlight = inFlight;
  }

  @Override
  public int read() throws IOException {
    if (!fill()) {
      return -1;
    }
    return line[next++] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int count = Math.min(length, line.length - next);
    System.arraycopy(line, next, buffer, offset, count);
    next += count;
    return count;
  }

  /**
   * Waits for the end of input; false when the thread that read it is gone first. The SDK's stdio
   * transport stops reading after an error of its own (its outbound side failing sets the flag its
   * reader loop checks) and then ends that thread: from there on no request would ever be answered,
   * so the server must not stay alive waiting for an end that no one will read.
   */
  boolean awaitEnd() throws InterruptedException {
    while (!ended.await(1, TimeUnit.SECONDS)) {
      Thread last = reader;
      if (last != null && !last.isAlive()) {
        return ended.getCount() == 0;
      }
    }
    return true;
  }

  /** Makes the next accepted line available; false at the end of input. */
  private boolean fill() throws IOException {
    reader = Thread.currentThread();
    while (next == line.length) {
      Line read = readLine();
      if (read == null) {
        awaitAnswers();
        ended.countDown();
        return false;
      }
      if (read.text == null) {
        refuseUnread(read);
      } else if (accept(read.text)) {
        line = read.text;
        next = 0;
      }
    }
    return true;
  }

  /**
   * One line of input: its bytes ending in a newline, or, when it was not kept (too long, or no
   * memory to hold it), its first {@link #HEAD} bytes and its length.
   */
  private record Line(byte[] text, byte[] head, long length, boolean outOfMemory) {}

  private Line readLine() throws IOException {
    byte[] buffer = new byte[8192];
    int length = 0;
    long total = 0;
    boolean kept = true;
    boolean outOfMemory = false;
    byte[] head = null;
    int b;
    while ((b = bytes.read()) != -1 && b != '\n') {
      total++;
      if (!kept) {
        continue;
      }
      if (length >= maxLineBytes) {
        kept = false;
      } else if (length == buffer.length) {
        try {
          buffer = Arrays.copyOf(buffer, (int) Math.min((long) length * 2, maxLineBytes));
        } catch (OutOfMemoryError e) {
          // Whatever the heap, a line that does not fit is refused like a line over the limit.
          kept = false;
          outOfMemory = true;
        }
      }
      if (!kept) {
        head = Arrays.copyOf(buffer, Math.min(HEAD, length));
        buffer = null;
        continue;
      }
      buffer[length++] = (byte) b;
    }
    if (b == -1 && total == 0) {
      return null;
    }
    if (!kept) {
      return new Line(null, head, total, outOfMemory);
    }
    if (length > 0 && buffer[length - 1] == '\r') {
      length--;
    }
    byte[] text = Arrays.copyOf(buffer, length + 1);
    text[length] = '\n';
    return new Line(text, null, total, false);
  }

  private void refuseUnread(Line read) throws IOException {
    JsonNode id = Envelope.idOf(read.head);
    String reason =
        read.outOfMemory
            ? String.format(
                Locale.ROOT,
                "Request too large: a line of %,d bytes does not fit in the server's memory;"
                    + " send less at once",
                read.length)
            : String.format(
                Locale.ROOT,
                "Request too large: the line is %,d bytes; the limit is %,d bytes (8 MiB of YAML"
                    + " per call); send the routes in several calls",
                read.length,
                maxLineBytes);
    refuse(id, -32600, reason);
  }

  private boolean accept(byte[] text) throws IOException {
    if (isBlank(text)) {
      return false;
    }
    Envelope message;
    try {
      message = Envelope.read(text);
    } catch (JacksonException e) {
      refuse(null, -32700, "Parse error: a line on stdin is not JSON");
      return false;
    }
    if (message.isMessage()) {
      if (message.method != null && message.idToken != null) {
        if (!initialized
            && !"initialize".equals(message.methodName)
            && !"ping".equals(message.methodName)) {
          refuse(
              message.id,
              -32002,
              "Server not initialized: send initialize (then notifications/initialized) before "
                  + message.methodName);
          return false;
        }
        initialized |= "initialize".equals(message.methodName);
        inFlight.asked();
      }
      return true;
    }
    JsonNode id = message.id;
    refuse(
        id != null && (id.isString() || id.isNumber()) ? id : null,
        -32600,
        "Invalid Request: not a JSON-RPC 2.0 request, notification or response");
    return false;
  }

  private static boolean isBlank(byte[] text) {
    for (byte b : text) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  private void awaitAnswers() throws IOException {
    try {
      inFlight.awaitAnswers(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while the last answers were computed");
    }
  }

  /**
   * The top-level members of a line that decide whether it is a JSON-RPC message, read as tokens:
   * {@code params} and {@code result} are skipped, not built into a tree, since a request can carry
   * megabytes of YAML. The whole line is still tokenized, so malformed JSON anywhere in it is a
   * parse error.
   */
  private static final class Envelope {
    private boolean object;
    private String jsonrpc;
    private JsonToken method;
    private String methodName;
    private JsonNode id;
    private JsonToken idToken;
    private boolean resultOrError;

    static Envelope read(byte[] text) {
      Envelope envelope = new Envelope();
      try (JsonParser parser = JSON.createParser(text)) {
        JsonToken first = parser.nextToken();
        if (first == JsonToken.START_OBJECT) {
          envelope.object = true;
          envelope.members(parser);
        } else {
          parser.skipChildren();
        }
        if (parser.nextToken() != null) {
          throw new StreamReadException(parser, "trailing content after the JSON value");
        }
      }
      return envelope;
    }

    private void members(JsonParser parser) {
      for (JsonToken token = parser.nextToken();
          token == JsonToken.PROPERTY_NAME;
          token = parser.nextToken()) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (name) {
          case "jsonrpc" -> jsonrpc = value == JsonToken.VALUE_STRING ? parser.getString() : "";
          case "method" -> {
            method = value;
            methodName = value == JsonToken.VALUE_STRING ? parser.getString() : null;
            parser.skipChildren();
          }
          case "id" -> {
            idToken = value;
            id = idNode(parser, value);
            parser.skipChildren();
          }
          case "result", "error" -> {
            resultOrError = true;
            parser.skipChildren();
          }
          default -> parser.skipChildren();
        }
      }
    }

    /**
     * The id of a line cut short, from its first bytes: found when it comes before the params, as
     * clients write it; null otherwise.
     */
    static JsonNode idOf(byte[] head) {
      Envelope envelope = new Envelope();
      try (JsonParser parser = JSON.createParser(head)) {
        if (parser.nextToken() == JsonToken.START_OBJECT) {
          envelope.members(parser);
        }
      } catch (JacksonException e) {
        // Cut off inside a value: whatever was read before it stays.
      }
      JsonNode id = envelope.id;
      return id != null && (id.isString() || id.isNumber()) ? id : null;
    }

    /** The id as a node, to echo in an error answer; null when it is not a string or number. */
    private static JsonNode idNode(JsonParser parser, JsonToken token) {
      return switch (token) {
        case VALUE_STRING -> JSON.getNodeFactory().stringNode(parser.getString());
        case VALUE_NUMBER_INT -> JSON.getNodeFactory().numberNode(parser.getBigIntegerValue());
        case VALUE_NUMBER_FLOAT -> JSON.getNodeFactory().numberNode(parser.getDecimalValue());
        default -> null;
      };
    }

    boolean isMessage() {
      if (!object || !"2.0".equals(jsonrpc)) {
        return false;
      }
      boolean validId =
          idToken == null
              || idToken == JsonToken.VALUE_STRING
              || idToken == JsonToken.VALUE_NUMBER_INT;
      if (method != null) {
        return method == JsonToken.VALUE_STRING && validId;
      }
      return resultOrError && idToken != null && validId;
    }
  }

  private void refuse(JsonNode id, int code, String reason) throws IOException {
    LOG.warn("{}; answered with error {} and skipped", reason, code);
    if (id != null) {
      // Its answer passes the output's count like any other; keep the balance.
      inFlight.asked();
    }
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("jsonrpc", "2.0");
    response.put("id", id);
    response.put("error", Map.of("code", code, "message", reason));
    byte[] bytes = (JSON.writeValueAsString(response) + "\n").getBytes(StandardCharsets.UTF_8);
    synchronized (protocol) {
      protocol.write(bytes);
      protocol.flush();
    }
  }
}
