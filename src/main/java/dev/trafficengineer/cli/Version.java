package dev.trafficengineer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven records in the jar, so that it cannot drift from the build. */
final class Version implements IVersionProvider {
  private static final String POM_PROPERTIES =
      "/META-INF/maven/dev.trafficengineer/traffic-engineer/pom.properties";

  @Override
  public String[] getVersion() {
    try (InputStream in = Version.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in == null) {
        return new String[] {"traffic-engineer (development build, not packaged)"};
      }
      Properties properties = new Properties();
      properties.load(in);
      return new String[] {"traffic-engineer " + properties.getProperty("version")};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
