package dev.trafficengineer.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The YAML front matter of prompt and skill files, read without a YAML library: loading one costs
 * the stdio server about 130 classes at every start, and these files use a small subset only:
 * {@code key: scalar} lines, and one list of mappings ({@code arguments}). Scalars are plain or
 * quoted. Anything else is refused, and a test reads every file with a real YAML parser too.
 */
final class FrontMatter {
  private static final Pattern ENTRY = Pattern.compile("([A-Za-z][\\w-]*):(?: (.*))?");
  private static final Pattern ITEM = Pattern.compile("  - ([A-Za-z][\\w-]*): (.*)");
  private static final Pattern ITEM_ENTRY = Pattern.compile("    ([A-Za-z][\\w-]*): (.*)");

  private FrontMatter() {}

  /** The fields: scalars as strings, a list of mappings as a list of string maps. */
  static Map<String, Object> parse(String file, String yaml) {
    Map<String, Object> fields = new LinkedHashMap<>();
    List<Map<String, String>> list = null;
    for (String line : yaml.split("\n", -1)) {
      if (line.isBlank()) {
        continue;
      }
      Matcher entry = ENTRY.matcher(line);
      Matcher item = ITEM.matcher(line);
      Matcher itemEntry = ITEM_ENTRY.matcher(line);
      if (entry.matches()) {
        list = null;
        if (entry.group(2) == null || entry.group(2).isBlank()) {
          list = new ArrayList<>();
          fields.put(entry.group(1), list);
        } else {
          fields.put(entry.group(1), scalar(file, entry.group(2)));
        }
      } else if (item.matches() && list != null) {
        Map<String, String> mapping = new LinkedHashMap<>();
        mapping.put(item.group(1), scalar(file, item.group(2)));
        list.add(mapping);
      } else if (itemEntry.matches() && list != null && !list.isEmpty()) {
        list.get(list.size() - 1).put(itemEntry.group(1), scalar(file, itemEntry.group(2)));
      } else {
        throw new IllegalStateException(file + ": front matter line not understood: " + line);
      }
    }
    return fields;
  }

  private static String scalar(String file, String text) {
    String value = text.strip();
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      String inner = value.substring(1, value.length() - 1);
      if (inner.contains("\\")) {
        throw new IllegalStateException(file + ": escapes in quoted scalars are not supported");
      }
      return inner;
    }
    if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
      return value.substring(1, value.length() - 1).replace("''", "'");
    }
    if (value.startsWith("\"") || value.startsWith("'") || value.contains(" #")) {
      throw new IllegalStateException(file + ": scalar not understood: " + value);
    }
    return value;
  }
}
