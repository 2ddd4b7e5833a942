package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.input.InvalidInputException;

/**
 * Refuses routes the API server would reject (TE1xx errors) before anything is computed from them:
 * a generated patch or a simulated answer for such a route describes traffic that can never flow.
 * Fields of the experimental channel are let through: validate_route still reports them.
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
        // A field of the experimental channel (sessionPersistence, retry) is known: a route read
        // from a cluster that runs that channel has it, and refusing it would leave such a
        // cluster without a rollback. The API server still judges it on apply.
        .filter(finding -> !finding.message().contains(SchemaCheck.EXPERIMENTAL_ONLY))
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
