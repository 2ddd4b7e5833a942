package dev.trafficengineer.core.picture;

import java.util.ArrayList;
import java.util.List;

/**
 * Text broken into lines of at most {@code width} characters, at spaces where possible, since SVG
 * text does not wrap; a fixed-width font makes the character count the width.
 */
final class TextLines {
  private TextLines() {}

  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      while (word.length() > width) {
        if (!line.isEmpty()) {
          lines.add(line.toString());
          line.setLength(0);
        }
        lines.add(word.substring(0, width));
        word = word.substring(width);
      }
      if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (!line.isEmpty()) {
        line.append(' ');
      }
      line.append(word);
    }
    if (!line.isEmpty() || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  /** At most {@code max} lines; the last one kept ends with an ellipsis when some were cut. */
  static List<String> wrap(String text, int width, int max) {
    List<String> lines = wrap(text, width);
    if (lines.size() <= max) {
      return lines;
    }
    List<String> kept = new ArrayList<>(lines.subList(0, max));
    String last = kept.get(max - 1);
    kept.set(max - 1, (last.length() >= width ? last.substring(0, width - 1) : last) + "…");
    return kept;
  }
}
