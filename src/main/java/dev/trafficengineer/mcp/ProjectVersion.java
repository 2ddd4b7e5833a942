package dev.trafficengineer.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version Maven built, from {@code traffic-engineer.properties} (a filtered resource). */
final class ProjectVersion {
  private ProjectVersion() {}

  static String get() {
    Properties properties = new Properties();
    try (InputStream in =
        ProjectVersion.class.getClassLoader().getResourceAsStream("traffic-engineer.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version", "unknown");
  }
}
