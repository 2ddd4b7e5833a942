package dev.trafficengineer.cli;

import java.io.PrintStream;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/** The result records as JSON: the same serialization the MCP tools return as structuredContent. */
final class Json {
  private static final JsonMapper MAPPER = dev.trafficengineer.core.Json.MAPPER;

  private Json() {}

  static String pretty(Object result) {
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result) + "\n";
  }

  /**
   * Writes {@code result} as {@link #pretty} does, straight to {@code out}: a result of thousands
   * of findings is not held a second time as text (with a 64 MiB heap, it would not fit).
   */
  static void print(Object result, PrintStream out) {
    MAPPER
        .writerWithDefaultPrettyPrinter()
        .without(StreamWriteFeature.AUTO_CLOSE_TARGET)
        .writeValue(out, result);
    out.write('\n');
    out.flush();
  }
}
