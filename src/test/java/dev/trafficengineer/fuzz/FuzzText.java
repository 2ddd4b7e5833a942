package dev.trafficengineer.fuzz;

import dev.trafficengineer.core.input.InvalidInputException;
import dev.trafficengineer.core.yaml.YamlInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How the fuzz targets read their raw input: UTF-8 text, where lines starting with {@code #>} (YAML
 * comments, so the routes stay intact) carry the other arguments of a call. Seeds are then plain
 * YAML files a person can read and edit.
 */
final class FuzzText {
  private static final String DIRECTIVE = "#>";

  private FuzzText() {}

  static String text(byte[] data) {
    return new String(data, StandardCharsets.UTF_8);
  }

  /** The text after {@code #>} on each directive line, in order. */
  static List<String> directives(String text) {
    List<String> found = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith(DIRECTIVE)) {
        found.add(line.substring(DIRECTIVE.length()).strip());
      }
    }
    return found;
  }

  /**
   * Runs {@code call}, accepting a refusal of the input as the operation's contract allows and
   * letting everything else (a crash) fail the target.
   */
  static void refusalsOnly(Runnable call) {
    try {
      call.run();
    } catch (InvalidInputException | YamlInputException refused) {
      if (refused.getMessage() == null || refused.getMessage().isBlank()) {
        throw new AssertionError("a refusal must say why", refused);
      }
    }
  }
}
