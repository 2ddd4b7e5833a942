package dev.trafficengineer.core.validate;

/**
 * One problem found in a route.
 *
 * @param code stable catalog code, such as {@code TE106}
 * @param severity {@code error}, {@code warning} or {@code info}
 * @param path JSON Pointer of the offending node; with several documents it starts with the
 *     document's index among the non-empty documents, as in {@code /1/spec/rules/0}
 * @param line 1-based line in the whole input, or 0 when the problem has no single line
 * @param message what is wrong and why it matters
 * @param fix what to change
 */
public record Finding(
    String code, String severity, String path, int line, String message, String fix) {

  public static final String ERROR = "error";
  public static final String WARNING = "warning";
  public static final String INFO = "info";
}
