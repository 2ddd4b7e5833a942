package dev.trafficengineer.core.validate;

import com.fasterxml.jackson.annotation.JsonInclude;

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
 * @param impact for the cross-resource findings (TE5xx), the share (0..1) of the traffic concerned
 *     that fails, when it can be computed; otherwise left out
 */
public record Finding(
    String code,
    String severity,
    String path,
    int line,
    String message,
    String fix,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double impact) {

  public Finding(String code, String severity, String path, int line, String message, String fix) {
    this(code, severity, path, line, message, fix, null);
  }

  public static final String ERROR = "error";
  public static final String WARNING = "warning";
  public static final String INFO = "info";
}
