package dev.trafficengineer.core.patch;

import java.util.regex.Pattern;

/** POSIX shell quoting: what it returns, pasted into sh, bash or zsh, is exactly one word. */
public final class ShellQuote {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9@%+=:,./_-]+");

  private ShellQuote() {}

  public static String quote(String word) {
    if (SAFE.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
