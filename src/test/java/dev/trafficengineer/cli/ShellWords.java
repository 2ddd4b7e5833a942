package dev.trafficengineer.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line as a POSIX shell would for the README's examples: single and double quotes,
 * backslash escapes, and the operators {@code |} and {@code >} as words of their own. No expansion:
 * the examples use none but {@code $?}, which stays a word.
 */
final class ShellWords {
  private ShellWords() {}

  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        word = append(word, line.substring(i + 1, end));
        i = end;
      } else if (c == '"') {
        StringBuilder quoted = new StringBuilder();
        for (i++; line.charAt(i) != '"'; i++) {
          if (line.charAt(i) == '\\' && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
            i++;
          }
          quoted.append(line.charAt(i));
        }
        word = append(word, quoted.toString());
      } else if (c == '\\') {
        word = append(word, String.valueOf(line.charAt(++i)));
      } else if (c == '|' || c == '>') {
        flush(words, word);
        word = null;
        words.add(String.valueOf(c));
      } else if (Character.isWhitespace(c)) {
        flush(words, word);
        word = null;
      } else {
        word = append(word, String.valueOf(c));
      }
    }
    flush(words, word);
    return words;
  }

  private static StringBuilder append(StringBuilder word, String text) {
    return (word == null ? new StringBuilder() : word).append(text);
  }

  private static void flush(List<String> words, StringBuilder word) {
    if (word != null) {
      words.add(word.toString());
    }
  }
}
