package dev.trafficengineer.mcp;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * How tests start the server as a separate JVM, as an MCP client does: from the shaded jar when the
 * system property {@code te.jar} names one at least as new as the compiled classes, otherwise from
 * this test run's own class path (so {@code mvn test}, which runs before {@code package}, works).
 */
final class ServerProcess {
  private ServerProcess() {}

  static List<String> command(String... jvmOptions) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Unified logging writes to stdout unless told otherwise, and stdout is the protocol.
    command.add("-Xlog:disable");
    command.add("-Xlog:all=warning:stderr");
    command.addAll(List.of(jvmOptions));
    command.add("-cp");
    command.add(classPath());
    command.add(McpStdioServerMain.class.getName());
    return command;
  }

  private static String classPath() {
    String jar = System.getProperty("te.jar");
    if (jar != null && Files.isRegularFile(Path.of(jar)) && isFresh(new File(jar))) {
      return jar;
    }
    return System.getProperty("java.class.path");
  }

  /**
   * A jar left over from an earlier {@code package} would test yesterday's code: it must be at
   * least as new as every compiled class and resource (a changed tool schema is a resource only).
   */
  private static boolean isFresh(File jar) {
    URL compiled = McpStdioServer.class.getResource("McpStdioServer.class");
    if (compiled == null || !"file".equals(compiled.getProtocol())) {
      return true;
    }
    try (Stream<Path> files = Files.walk(classesRoot(Path.of(compiled.toURI())))) {
      long newest = files.mapToLong(file -> file.toFile().lastModified()).max().orElse(0);
      return jar.lastModified() >= newest;
    } catch (URISyntaxException | IOException e) {
      return false;
    }
  }

  /** {@code target/classes}, from the class file of {@code dev.trafficengineer.mcp}. */
  private static Path classesRoot(Path classFile) {
    Path root = classFile;
    for (int level = 0; level < 4; level++) {
      root = root.getParent();
    }
    return root;
  }
}
