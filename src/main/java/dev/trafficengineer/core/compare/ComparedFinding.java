package dev.trafficengineer.core.compare;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A finding of either state, and what the change does to it.
 *
 * @param change {@code introduced} (only after), {@code fixed} (only before), {@code changed} (in
 *     both, with a different share of failing traffic) or {@code unchanged}
 * @param resource {@code Kind namespace/name} of the document it is about, or {@code document N}
 *     when the document has no name
 * @param path JSON Pointer inside that document (without the document index, which may shift)
 * @param line the line in the input it comes from: before for {@code fixed}, after otherwise
 * @param impact the share of the matching traffic that fails: before for {@code fixed}, after
 *     otherwise
 * @param impactBefore for {@code changed}, the share that failed before the change
 */
public record ComparedFinding(
    String change,
    String code,
    String severity,
    String resource,
    String path,
    int line,
    String message,
    String fix,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double impact,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double impactBefore) {

  public static final String INTRODUCED = "introduced";
  public static final String FIXED = "fixed";
  public static final String CHANGED = "changed";
  public static final String UNCHANGED = "unchanged";

  /** Whether more of the traffic fails after the change than before. */
  boolean worse() {
    return CHANGED.equals(change)
        && (impactBefore == null ? impact != null : impact != null && impact > impactBefore);
  }
}
