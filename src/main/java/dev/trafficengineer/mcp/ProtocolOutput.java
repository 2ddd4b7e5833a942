package dev.trafficengineer.mcp;

import dev.trafficengineer.core.Json;
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
 * of each line is kept for that, because the SDK writes the {@code id} before the result.
 */
final class ProtocolOutput extends FilterOutputStream {
  private static final int HEAD = 1024;
  private static final JsonMapper JSON = Json.MAPPER;

  private final InFlight inFlight;
  private final byte[] head = new byte[HEAD];
  private int headLength;
  private int unflushedAnswers;

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
  public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
    out.write(bytes, offset, length);
    // Answers can be megabytes long: copy only what the head still takes, then look for the end.
    int end = offset + length;
    int i = offset;
    while (i < end) {
      int newline = i;
      while (newline < end && bytes[newline] != '\n') {
        newline++;
      }
      int take = Math.min(newline - i, HEAD - headLength);
      System.arraycopy(bytes, i, head, headLength, take);
      headLength += take;
      if (newline == end) {
        return;
      }
      see('\n');
      i = newline + 1;
    }
  }

  private void see(int b) {
    if (b == '\n') {
      if (hasId(head, headLength)) {
        unflushedAnswers++;
      }
      headLength = 0;
    } else if (headLength < HEAD) {
      head[headLength++] = (byte) b;
    }
  }

  /**
   * An answer counts once flushed: counted while still in the buffer, the end of input could let
   * the process exit before the client has it.
   */
  @Override
  public synchronized void flush() throws IOException {
    out.flush();
    for (; unflushedAnswers > 0; unflushedAnswers--) {
      inFlight.answered();
    }
  }

  private static boolean hasId(byte[] line, int length) {
    try (JsonParser parser = JSON.createParser(line, 0, length)) {
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
