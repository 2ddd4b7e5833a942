package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.input.InvalidInputException;

/**
 * Refuses routes the API server would reject (TE1xx errors) before anything is computed from them:
 * a generated patch or a simulated answer for such a route describes traffic that can never flow.
 */
public final class SchemaRefusal {
  private static final String NOT_AN_HTTPROUTE = "TE102";

  private SchemaRefusal() {}

  /**
   * Throws for the first TE1xx error of {@code yaml}, with its line, JSON Pointer, code and fix.
   * With {@code otherKindsAllowed}, documents that are not HTTPRoutes (a Service beside the route)
   * are not refused.
   *
   * @throws InvalidInputException naming {@code field}
   */
  public static void refuseSchemaErrors(String field, String yaml, boolean otherKindsAllowed) {
    RouteValidator.validate(new ValidateRequest(yaml, null)).findings().stream()
        .filter(finding -> Finding.ERROR.equals(finding.severity()))
        .filter(finding -> finding.code().startsWith("TE1"))
        .filter(finding -> !(otherKindsAllowed && NOT_AN_HTTPROUTE.equals(finding.code())))
        .findFirst()
        .ifPresent(
            finding -> {
              throw new InvalidInputException(
                  field,
                  "(line " + finding.line() + ", " + finding.path() + ")",
                  finding.message() + " [" + finding.code() + "] Fix: " + finding.fix());
            });
  }
}
