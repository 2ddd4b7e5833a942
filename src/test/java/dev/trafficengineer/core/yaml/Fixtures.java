package dev.trafficengineer.core.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads YAML fixtures from {@code src/test/resources/yaml}. */
final class Fixtures {

  private Fixtures() {}

  static String yaml(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/yaml/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
