package dev.trafficengineer.mcp;

import java.util.List;
import java.util.Map;

/**
 * One prompt as written in {@code prompts/<name>.md}: YAML front matter (name, title, description,
 * arguments) between {@code ---} lines, then the text it renders, with {@code {{ argument }}}
 * placeholders.
 */
record PromptFile(
    String name, String title, String description, List<Argument> arguments, String body) {

  /** An argument; an optional one may name the {@code default} that stands in for it. */
  record Argument(String name, String description, boolean required, String defaultValue) {}

  private static final String FENCE = "---\n";

  static PromptFile parse(String file, String text) {
    String normalized = text.replace("\r\n", "\n");
    int end = normalized.indexOf("\n" + FENCE, FENCE.length() - 1);
    if (!normalized.startsWith(FENCE) || end < 0) {
      throw new IllegalStateException(file + ": no front matter between --- lines");
    }
    Map<String, Object> front = FrontMatter.parse(file, normalized.substring(FENCE.length(), end));
    List<Argument> arguments =
        front.get("arguments") instanceof List<?> list
            ? list.stream().map(item -> argument(file, item)).toList()
            : List.of();
    return new PromptFile(
        text(file, front, "name", true),
        text(file, front, "title", false),
        text(file, front, "description", true),
        arguments,
        normalized.substring(end + 1 + FENCE.length()).strip() + "\n");
  }

  private static Argument argument(String file, Object item) {
    if (!(item instanceof Map<?, ?> fields)) {
      throw new IllegalStateException(file + ": an argument is not a mapping");
    }
    return new Argument(
        text(file, fields, "name", true),
        text(file, fields, "description", true),
        "true".equals(fields.get("required")),
        text(file, fields, "default", false));
  }

  private static String text(String file, Map<?, ?> fields, String key, boolean required) {
    Object value = fields.get(key);
    if (value == null && required) {
      throw new IllegalStateException(file + ": " + key + " is missing");
    }
    return value == null ? null : value.toString();
  }
}
