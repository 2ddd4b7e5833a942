package dev.trafficengineer.cli;

import dev.trafficengineer.core.input.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code -f DIR}: every {@code *.yaml} and {@code *.yml} file under a folder (a GitOps repository),
 * read recursively in path order and joined as one multi-document input, so that the routes and the
 * Gateways, grants and Services beside them are checked together. Hidden folders ({@code .git}) are
 * left out; the whole is bounded like one file. Each file starts with a comment naming it, so that
 * a line of the joined text can be traced to its file.
 */
final class InputFolder {
  private InputFolder() {}

  /** The text of {@code source}: a file, stdin ({@code -}) or a folder. */
  static String read(String source, InputStream stdin) {
    Path folder;
    try {
      folder = Path.of(source);
    } catch (RuntimeException e) {
      return InputFile.read(source, stdin);
    }
    if ("-".equals(source) || !Files.isDirectory(folder)) {
      return InputFile.read(source, stdin);
    }
    StringBuilder text = new StringBuilder();
    for (Path file : yamlFiles(source, folder)) {
      String content = InputFile.read(file.toString(), stdin);
      if (text.length() + content.length() > InputFile.MAX_BYTES) {
        throw new InvalidInputException("file", source, "holds more than the 16 MiB limit of YAML");
      }
      if (!text.isEmpty()) {
        text.append("---\n");
      }
      text.append("# file: ").append(folder.relativize(file)).append('\n').append(content);
      if (!content.endsWith("\n")) {
        text.append('\n');
      }
    }
    if (text.isEmpty()) {
      throw new InvalidInputException("file", source, "is a folder without .yaml or .yml files");
    }
    return text.toString();
  }

  private static List<Path> yamlFiles(String source, Path folder) {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.filter(Files::isRegularFile)
          .filter(path -> !hidden(folder.relativize(path)))
          .filter(path -> path.getFileName().toString().matches(".*\\.ya?ml"))
          .sorted()
          .forEach(files::add);
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException("file", source, "cannot be read: " + e.getMessage());
    }
    return files;
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
