package dev.trafficengineer.core.yaml;

import java.util.Locale;

/**
 * The checks that run on the raw text before any parsing, in one pass: the size of the input and of
 * each document, and that it is text at all.
 */
final class InputBounds {

  private InputBounds() {}

  static void check(String text, YamlLimits limits) {
    long total = 0;
    long document = 0;
    int documentLine = 1;
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
        throw new YamlInputException(
            String.format(Locale.ROOT, "input is not text (%s at offset %d)", describe(c), i),
            line);
      }
      int bytes = utf8Bytes(c);
      total += bytes;
      document += bytes;
      if (c == '\n') {
        line++;
        if (startsDocument(text, i + 1)) {
          documentTooBig(document, documentLine, limits);
          document = 0;
          documentLine = line;
        }
      }
    }
    if (total > limits.maxBytes()) {
      throw new YamlInputException(
          String.format(
              Locale.ROOT, "input is %,d bytes; the limit is %,d", total, limits.maxBytes()),
          0);
    }
    documentTooBig(document, documentLine, limits);
  }

  /** UTF-8 bytes of one char; a surrogate pair is 2 chars and 4 bytes, so each half counts 2. */
  private static int utf8Bytes(char c) {
    if (c < 0x80) {
      return 1;
    }
    if (c < 0x800 || Character.isSurrogate(c)) {
      return 2;
    }
    return 3;
  }

  /** A {@code ---} or {@code ...} marker at the start of a line ends the document before it. */
  private static boolean startsDocument(String text, int at) {
    if (!text.startsWith("---", at) && !text.startsWith("...", at)) {
      return false;
    }
    int after = at + 3;
    return after == text.length() || " \t\r\n".indexOf(text.charAt(after)) >= 0;
  }

  private static void documentTooBig(long bytes, int line, YamlLimits limits) {
    if (bytes > limits.maxDocumentBytes()) {
      throw new YamlInputException(
          String.format(
              Locale.ROOT,
              "the document at line %d is %,d bytes; the limit is %,d per document",
              line,
              bytes,
              limits.maxDocumentBytes()),
          line);
    }
  }

  private static String describe(char c) {
    return c == 0 ? "NUL byte" : String.format(Locale.ROOT, "control character U+%04X", (int) c);
  }
}
