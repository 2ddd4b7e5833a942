package dev.trafficengineer.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The JSON Schemas of the tools, kept as resources so that they read as plain JSON. */
final class ToolSchemas {
  private ToolSchemas() {}

  static String input(CoreTool<?, ?> tool) {
    return read("mcp/input/" + tool.name() + ".json");
  }

  static String output(CoreTool<?, ?> tool) {
    return read("mcp/output/" + tool.resultType().getSimpleName() + ".json");
  }

  static String read(String resource) {
    try (InputStream in = ToolSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
