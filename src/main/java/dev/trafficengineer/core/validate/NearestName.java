package dev.trafficengineer.core.validate;

import java.util.Collection;
import java.util.Locale;

/** Finds the allowed field name an unknown one was probably meant to be. */
public final class NearestName {

  private NearestName() {}

  /**
   * Returns the candidate closest to {@code name} by edit distance, ignoring case, or null when
   * none is close enough to be a plausible typo (at most 2 edits, and fewer than half the letters).
   */
  public static String of(String name, Collection<String> candidates) {
    String wanted = name.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(wanted, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= 2 && bestDistance * 2 < name.length() ? best : null;
  }

  /** Levenshtein distance, with one row of memory. */
  static int distance(String a, String b) {
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      row[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int diagonal = row[0];
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int above = row[j];
        int substitution = diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        row[j] = Math.min(substitution, Math.min(above, row[j - 1]) + 1);
        diagonal = above;
      }
    }
    return row[b.length()];
  }
}
