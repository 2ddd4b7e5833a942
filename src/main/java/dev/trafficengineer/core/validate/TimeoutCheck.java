package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.input.GatewayPatterns;
import dev.trafficengineer.core.validate.RouteParts.Located;
import tools.jackson.databind.JsonNode;

/** TE113: rule timeouts, their format and the CEL rule relating the two. */
final class TimeoutCheck {

  private TimeoutCheck() {}

  static void check(JsonNode route, Findings findings) {
    for (Located rule : RouteParts.rules(route)) {
      JsonNode timeouts = Tree.object(rule.node(), "timeouts");
      if (timeouts == null) {
        continue;
      }
      String pointer = rule.pointer() + "/timeouts";
      String request = Tree.text(timeouts, "request");
      String backend = Tree.text(timeouts, "backendRequest");
      boolean requestValid = request == null || format(request, pointer + "/request", findings);
      boolean backendValid =
          backend == null || format(backend, pointer + "/backendRequest", findings);
      if (request != null && backend != null && requestValid && backendValid) {
        long requestMillis = millis(request);
        // A request timeout of 0s disables it, and the CEL rule skips that case.
        if (requestMillis != 0 && millis(backend) > requestMillis) {
          findings.error(
              Codes.TIMEOUT,
              pointer + "/backendRequest",
              "backendRequest timeout cannot be longer than request timeout (%s > %s): the whole request would time out first."
                  .formatted(backend, request),
              "Make backendRequest at most %s, or raise request.".formatted(request));
        }
      }
    }
  }

  private static boolean format(String value, String pointer, Findings findings) {
    if (GatewayPatterns.duration(value)) {
      return true;
    }
    findings.error(
        Codes.TIMEOUT,
        pointer,
        "Timeout \"%s\" is not a Gateway API duration (1 to 4 parts of up to 5 digits followed by h, m, s or ms, such as 10s or 1m30s); the API server rejects the route."
            .formatted(SchemaCheck.abbreviate(value)),
        "Write it like 10s, 500ms or 1m30s, without spaces or decimals.");
    return false;
  }

  /** Returns the length of a duration that {@link Patterns#duration} accepted. */
  static long millis(String duration) {
    long total = 0;
    long number = 0;
    for (int i = 0; i < duration.length(); i++) {
      char c = duration.charAt(i);
      if (c >= '0' && c <= '9') {
        number = number * 10 + (c - '0');
        continue;
      }
      boolean millis = c == 'm' && i + 1 < duration.length() && duration.charAt(i + 1) == 's';
      long unit = millis ? 1 : c == 'h' ? 3_600_000 : c == 'm' ? 60_000 : 1_000;
      total += number * unit;
      number = 0;
      i += millis ? 1 : 0;
    }
    return total;
  }
}
