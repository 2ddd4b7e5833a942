package dev.trafficengineer.cli;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Output as the README shows it: every line exactly, except that a line {@code ...} stands for any
 * number of lines (none included) and {@code ...} inside a line for any text.
 */
final class OutputPattern {
  private static final String ELLIPSIS = "...";

  private OutputPattern() {}

  static boolean matches(List<String> shown, List<String> printed) {
    return matches(shown, 0, printed, 0);
  }

  private static boolean matches(List<String> shown, int s, List<String> printed, int p) {
    if (s == shown.size()) {
      return p == printed.size();
    }
    if (shown.get(s).strip().equals(ELLIPSIS)) {
      for (int skip = p; skip <= printed.size(); skip++) {
        if (matches(shown, s + 1, printed, skip)) {
          return true;
        }
      }
      return false;
    }
    return p < printed.size()
        && line(shown.get(s)).matcher(printed.get(p)).matches()
        && matches(shown, s + 1, printed, p + 1);
  }

  private static Pattern line(String shown) {
    StringBuilder regex = new StringBuilder();
    int from = 0;
    for (int at = shown.indexOf(ELLIPSIS); at >= 0; at = shown.indexOf(ELLIPSIS, from)) {
      regex.append(Pattern.quote(shown.substring(from, at))).append(".*");
      from = at + ELLIPSIS.length();
    }
    return Pattern.compile(regex.append(Pattern.quote(shown.substring(from))).toString());
  }
}
