package dev.trafficengineer.core.yaml;

/**
 * Turns the tabs that separate a mapping key's colon from its value ({@code port:<TAB>8000}) into
 * spaces, one for one so that every line and column stays where it was. YAML allows tabs there and
 * kubectl's reader (go-yaml) accepts them; snakeyaml refuses them in block mappings. Tabs anywhere
 * else (indentation, inside values, block scalars) are left for the parser to judge.
 */
final class TabSeparators {
  private TabSeparators() {}

  static String replace(String text) {
    if (text.indexOf('\t') < 0) {
      return text;
    }
    char[] chars = text.toCharArray();
    int blockIndent = -1;
    int start = 0;
    while (start < chars.length) {
      int end = start;
      while (end < chars.length && chars[end] != '\n') {
        end++;
      }
      int indent = indentOf(chars, start, end);
      boolean blank = indent == end - start;
      if (blockIndent >= 0 && (blank || indent > blockIndent)) {
        start = end + 1;
        continue;
      }
      blockIndent = -1;
      int key = keyStart(chars, start + indent, end);
      int colon = key < 0 ? -1 : colonAfterKey(chars, key, end);
      if (colon >= 0) {
        int value = colon + 1;
        while (value < end && (chars[value] == ' ' || chars[value] == '\t')) {
          chars[value++] = ' ';
        }
        if (value < end && (chars[value] == '|' || chars[value] == '>')) {
          blockIndent = key - start;
        }
      }
      start = end + 1;
    }
    return new String(chars);
  }

  private static int indentOf(char[] chars, int start, int end) {
    int at = start;
    while (at < end && chars[at] == ' ') {
      at++;
    }
    return at - start;
  }

  /** Where a key starts on a line, after any {@code "- "} sequence indicators; -1 if none. */
  private static int keyStart(char[] chars, int at, int end) {
    while (at + 1 < end && chars[at] == '-' && chars[at + 1] == ' ') {
      at += 2;
      while (at < end && chars[at] == ' ') {
        at++;
      }
    }
    boolean plainKey = at < end && "#{[&*!|>%@`".indexOf(chars[at]) < 0;
    return plainKey ? at : -1;
  }

  /** The colon that ends the key starting at {@code key}, followed by blank or end of line. */
  private static int colonAfterKey(char[] chars, int key, int end) {
    int at = key;
    if (chars[at] == '"' || chars[at] == '\'') {
      char quote = chars[at];
      at++;
      while (at < end && chars[at] != quote) {
        at += chars[at] == '\\' && quote == '"' ? 2 : 1;
      }
      at++;
    }
    for (; at < end; at++) {
      if (chars[at] == '#' && at > key && (chars[at - 1] == ' ' || chars[at - 1] == '\t')) {
        return -1;
      }
      if (chars[at] == ':' && (at + 1 == end || chars[at + 1] == ' ' || chars[at + 1] == '\t')) {
        return at;
      }
    }
    return -1;
  }
}
