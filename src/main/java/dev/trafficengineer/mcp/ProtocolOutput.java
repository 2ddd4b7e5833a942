package dev.trafficengineer.mcp;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The protocol output, counting the answers that pass: each line whose top-level object has an
 * {@code id} is the answer to a request (this server sends no requests of its own). Only the start
 * of each line is kept for that, because the SDK writes the {@code id} before the result. An answer
 * counts once it has been flushed, not when it reaches the buffer: the end of input may close the
 * process right after the count says every answer is out.
 */
final class ProtocolOutput extends FilterOutputStream {
  private static final int HEAD = 1024;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final InFlight inFlight;
  private final ByteArrayOutputStream head = new ByteArrayOutputStream();
  private int unflushed;

  ProtocolOutput(OutputStream out, InFlight inFlight) {
    super(out);
    this.inFlight = inFlight;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    out.write(b);
    see(b);
  }

  @Override
  public synchronized void flush() throws IOException {
    out.flush();
    for (; unflushed > 0; unflushed--) {
      inFlight.answered();
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
    out.write(bytes, offset, length);
    for (int i = offset; i < offset + length; i++) {
      see(bytes[i]);
    }
  }

  private void see(int b) {
    if (b == '\n') {
      if (hasId(head.toByteArray())) {
        unflushed++;
      }
      head.reset();
    } else if (head.size() < HEAD) {
      head.write(b);
    }
  }

  private static boolean hasId(byte[] line) {
    try (JsonParser parser = JSON.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      for (JsonToken token = parser.nextToken();
          token == JsonToken.PROPERTY_NAME;
          token = parser.nextToken()) {
        if ("id".equals(parser.currentName())) {
          return parser.nextToken() != JsonToken.VALUE_NULL;
        }
        parser.nextToken();
        parser.skipChildren();
      }
      return false;
    } catch (JacksonException e) {
      // Cut off at HEAD before any id: not an answer this server could have written.
      return false;
    }
  }
}
