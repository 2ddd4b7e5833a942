package dev.trafficengineer.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One fenced code block of a Markdown file: its language, its text, where it starts, the heading it
 * sits under, and the {@code <!-- readme-test: ... -->} marker written right before it, if any.
 */
record ReadmeBlock(String language, String text, int line, String heading, String marker) {
  private static final Pattern MARKER = Pattern.compile("<!--\\s*readme-test:\\s*(.*?)\\s*-->");

  /** Every fenced block of {@code markdown}, in order. */
  static List<ReadmeBlock> of(String markdown) {
    List<ReadmeBlock> blocks = new ArrayList<>();
    List<String> lines = markdown.lines().toList();
    String heading = "";
    String marker = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("#")) {
        heading = line.replaceFirst("^#+\\s*", "");
      }
      Matcher comment = MARKER.matcher(line.strip());
      if (comment.matches()) {
        marker = comment.group(1);
        continue;
      }
      if (!line.startsWith("```")) {
        if (!line.isBlank()) {
          marker = null;
        }
        continue;
      }
      int start = i;
      StringBuilder text = new StringBuilder();
      for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
        text.append(lines.get(i)).append('\n');
      }
      blocks.add(
          new ReadmeBlock(line.substring(3).strip(), text.toString(), start + 1, heading, marker));
      marker = null;
    }
    return blocks;
  }

  /** How a test report names the block: the heading and the line of its opening fence. */
  String name() {
    return "README.md:" + line + " (" + heading + ", " + language + ")";
  }
}
