package dev.trafficengineer.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Text resources shipped in the jar: schemas and instructions, kept as files so they read plainly.
 */
final class ClasspathText {
  private ClasspathText() {}

  static String read(String resource) {
    try (InputStream in = ClasspathText.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
