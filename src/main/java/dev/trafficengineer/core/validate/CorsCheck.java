package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.input.GatewayPatterns;
import dev.trafficengineer.core.validate.RouteParts.Located;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The CORS filter's configuration (HTTPCORSFilter, standard channel since v1.5.0): its four lists
 * are sets with item limits, patterns or an enum, three of them with the CEL rule that {@code *}
 * stands alone, and maxAge is at least 1.
 */
final class CorsCheck {

  /**
   * The CRD's {@code
   * (^\*$)|(^(http(s)?):\/\/(((\*\.)?([a-zA-Z0-9\-]+\.)*[a-zA-Z0-9-]+|\*)(:([0-9]{1,5}))?)$)}.
   */
  private static final Pattern ORIGIN =
      Pattern.compile(
          "\\*|https?://(((\\*\\.)?([a-zA-Z0-9\\-]+\\.)*[a-zA-Z0-9-]+|\\*)(:([0-9]{1,5}))?)");

  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", "*");

  private static final int MAX_ORIGIN = 253;
  private static final int MAX_ITEMS = 64;
  private static final int MAX_METHODS = 9;

  private CorsCheck() {}

  static void check(Located filter, Findings findings) {
    JsonNode cors = Tree.object(filter.node(), "cors");
    String pointer = filter.pointer() + "/cors";
    if (cors == null) {
      return;
    }
    LimitCheck.limit(cors, pointer, "allowOrigins", MAX_ITEMS, findings);
    LimitCheck.limit(cors, pointer, "allowMethods", MAX_METHODS, findings);
    LimitCheck.limit(cors, pointer, "allowHeaders", MAX_ITEMS, findings);
    LimitCheck.limit(cors, pointer, "exposeHeaders", MAX_ITEMS, findings);
    for (Located origin : strings(cors, pointer, "allowOrigins")) {
      String value = origin.node().asString();
      if (value.isEmpty() || Tree.length(value) > MAX_ORIGIN || !ORIGIN.matcher(value).matches()) {
        findings.error(
            Codes.FILTER,
            origin.pointer(),
            "CORS origin \"%s\" is not * or scheme://host[:port] (http or https, at most 253 characters, no path); the API server rejects the route."
                .formatted(SchemaCheck.abbreviate(value)),
            "Write the origin as the browser sends it, e.g. https://app.example.com or"
                + " https://*.example.com:8443, without a trailing slash.");
      }
    }
    for (Located method : strings(cors, pointer, "allowMethods")) {
      if (!METHODS.contains(method.node().asString())) {
        findings.error(
            Codes.ENUM,
            method.pointer(),
            "CORS method \"%s\" is not one of GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH or *; the API server rejects the route."
                .formatted(SchemaCheck.abbreviate(method.node().asString())),
            "Use an upper-case HTTP method, or * alone for every method.");
      }
    }
    for (String field : new String[] {"allowHeaders", "exposeHeaders"}) {
      for (Located header : strings(cors, pointer, field)) {
        if (!GatewayPatterns.headerName(header.node().asString())) {
          findings.error(
              Codes.FILTER,
              header.pointer(),
              "CORS %s entry \"%s\" is not an HTTP header name (1 to 256 letters, digits and !#$%%&'*+-.^_`|~); the API server rejects the route."
                  .formatted(field, SchemaCheck.abbreviate(header.node().asString())),
              "Write only the header name, e.g. x-request-id.");
        }
      }
    }
    for (String field :
        new String[] {"allowOrigins", "allowMethods", "allowHeaders", "exposeHeaders"}) {
      unique(cors, pointer, field, findings);
    }
    alone(
        cors,
        pointer,
        "allowOrigins",
        "AllowOrigins cannot contain '*' alongside other origins",
        findings);
    alone(
        cors,
        pointer,
        "allowMethods",
        "AllowMethods cannot contain '*' alongside other methods",
        findings);
    // The CRD's message for headers says "methods" too.
    alone(
        cors,
        pointer,
        "allowHeaders",
        "AllowHeaders cannot contain '*' alongside other methods",
        findings);
    Long maxAge = Tree.integer(cors, "maxAge");
    if (maxAge != null && maxAge < 1) {
      findings.error(
          Codes.FILTER,
          pointer + "/maxAge",
          "CORS maxAge %d is below 1 second; the API server rejects the route.".formatted(maxAge),
          "Give maxAge in seconds, at least 1 (the default is 5), or remove it.");
    }
  }

  /** The string items of a list; items of another type are reported by the schema check. */
  private static List<Located> strings(JsonNode cors, String pointer, String field) {
    return RouteParts.located(cors, pointer, field).stream()
        .filter(item -> item.node().isString())
        .toList();
  }

  /** Each list is x-kubernetes-list-type: set, so the API server refuses a repeated item. */
  private static void unique(JsonNode cors, String pointer, String field, Findings findings) {
    Set<String> seen = new HashSet<>();
    for (Located item : strings(cors, pointer, field)) {
      if (!seen.add(item.node().asString())) {
        findings.error(
            Codes.FILTER,
            item.pointer(),
            "\"%s\" is listed twice in CORS %s, a set; the API server rejects the route."
                .formatted(SchemaCheck.abbreviate(item.node().asString()), field),
            "Keep one entry for it.");
      }
    }
  }

  private static void alone(
      JsonNode cors, String pointer, String field, String message, Findings findings) {
    List<Located> items = RouteParts.located(cors, pointer, field);
    boolean wildcard =
        items.stream()
            .anyMatch(item -> item.node().isString() && "*".equals(item.node().asString()));
    if (wildcard && items.size() > 1) {
      findings.error(
          Codes.FILTER,
          pointer + "/" + field,
          message + ": * already stands for every value, so the list is contradictory.",
          "Keep * alone, or list the exact values without *.");
    }
  }
}
