package dev.trafficengineer.core.yaml;

import java.util.Locale;

/** The checks that run on the raw text before any parsing, so that they cost one pass at most. */
final class InputBounds {

  private InputBounds() {}

  static void check(String text, YamlLimits limits) {
    long bytes = utf8Length(text);
    if (bytes > limits.maxBytes()) {
      throw new YamlInputException(
          String.format(
              Locale.ROOT, "input is %,d bytes; the limit is %,d", bytes, limits.maxBytes()),
          0);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
        throw new YamlInputException(
            String.format(Locale.ROOT, "input is not text (%s at offset %d)", describe(c), i),
            lineAt(text, i));
      }
    }
  }

  private static long utf8Length(String text) {
    long bytes = text.length();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x800) {
        // A surrogate pair is 2 chars and 4 bytes: 1 extra byte per char, like the BMP case.
        bytes += Character.isSurrogate(c) ? 1 : 2;
      } else if (c >= 0x80) {
        bytes += 1;
      }
    }
    return bytes;
  }

  private static String describe(char c) {
    return c == 0 ? "NUL byte" : String.format(Locale.ROOT, "control character U+%04X", (int) c);
  }

  private static int lineAt(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
