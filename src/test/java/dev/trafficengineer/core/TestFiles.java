package dev.trafficengineer.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test fixtures under {@code src/test/resources}, read from the source tree (not the class path) so
 * that golden files can be rewritten in place with {@code -Dgolden.update=true}.
 */
public final class TestFiles {
  /** Strict: a misspelt field in a fixture fails the test instead of silently becoming null. */
  public static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private TestFiles() {}

  /** {@code src/test/resources} of the project under test. */
  public static Path resources() {
    return Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources");
  }

  /** A file of the project itself, e.g. {@code skill/SKILL.md} or {@code deploy/httproute.yaml}. */
  public static Path project(String relative) {
    return Path.of(System.getProperty("basedir", ".")).resolve(relative);
  }

  public static Path path(String relative) {
    return resources().resolve(relative);
  }

  public static String read(String relative) {
    return read(path(relative));
  }

  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode json(String relative) {
    return JSON.readTree(read(relative));
  }

  public static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The program as found on PATH, or null: tests that need one skip with a message without it. */
  public static Path onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
