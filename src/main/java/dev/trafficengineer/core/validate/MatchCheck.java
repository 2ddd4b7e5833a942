package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.input.GatewayPatterns;
import dev.trafficengineer.core.validate.RouteParts.Located;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The matches of every rule: path (TE108), headers and query parameters (TE109, TE303), enum values
 * (TE114) and regular expressions (TE304).
 */
final class MatchCheck {

  private static final Set<String> PATH_TYPES = Set.of("Exact", "PathPrefix", "RegularExpression");
  private static final Set<String> VALUE_TYPES = Set.of("Exact", "RegularExpression");
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");
  private static final int MAX_HEADER_VALUE = 4096;
  private static final int MAX_QUERY_VALUE = 1024;

  private MatchCheck() {}

  static void check(JsonNode route, Findings findings) {
    for (Located rule : RouteParts.rules(route)) {
      for (Located match : RouteParts.located(rule.node(), rule.pointer(), "matches")) {
        JsonNode path = Tree.object(match.node(), "path");
        if (path != null) {
          path(path, match.pointer() + "/path", findings);
        }
        values(match, "headers", MAX_HEADER_VALUE, findings);
        values(match, "queryParams", MAX_QUERY_VALUE, findings);
        String method = Tree.text(match.node(), "method");
        if (method != null && !METHODS.contains(method)) {
          findings.error(
              Codes.ENUM,
              match.pointer() + "/method",
              "method \"%s\" is not one of GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH; the API server rejects the route."
                  .formatted(SchemaCheck.abbreviate(method)),
              "Use an upper-case HTTP method, e.g. %s."
                  .formatted(
                      METHODS.contains(method.toUpperCase(Locale.ROOT))
                          ? method.toUpperCase(Locale.ROOT)
                          : "GET"));
        }
      }
    }
  }

  private static void path(JsonNode path, String pointer, Findings findings) {
    String type = Tree.text(path, "type");
    if (type != null && !PATH_TYPES.contains(type)) {
      findings.error(
          Codes.ENUM,
          pointer + "/type",
          "type must be one of ['Exact', 'PathPrefix', 'RegularExpression'] (it is \"%s\"); the API server rejects the route."
              .formatted(SchemaCheck.abbreviate(type)),
          "Use PathPrefix to match a path and everything below it, or Exact for one path.");
      return;
    }
    if ("RegularExpression".equals(type)) {
      findings.info(
          Codes.REGEX,
          pointer + "/type",
          "A RegularExpression path match: its syntax and its precedence against other rules are"
              + " implementation-specific, so the same route can route differently on another"
              + " Gateway.",
          "Prefer Exact or PathPrefix where they can express the same paths.");
    }
    String value = Tree.text(path, "value");
    if (value == null) {
      return;
    }
    String problem =
        "RegularExpression".equals(type) ? lengthProblem(value) : PathRules.problem(value);
    if (problem != null) {
      findings.error(
          Codes.PATH,
          pointer + "/value",
          "Path \"%s\": %s; the API server rejects the route."
              .formatted(SchemaCheck.abbreviate(value), problem),
          PathRules.fix(value));
    }
  }

  private static String lengthProblem(String value) {
    return Tree.length(value) > PathRules.MAX_LENGTH
        ? "must be at most %d characters".formatted(PathRules.MAX_LENGTH)
        : null;
  }

  /** Header or query parameter matches of one match. */
  static void values(Located match, String field, int maxValue, Findings findings) {
    boolean headers = field.equals("headers");
    String what = headers ? "header" : "query parameter";
    Map<String, String> seen = new HashMap<>();
    List<Located> items = RouteParts.located(match.node(), match.pointer(), field);
    for (Located item : items) {
      JsonNode node = item.node();
      if (!node.isObject()) {
        continue;
      }
      String type = Tree.text(node, "type");
      if (type != null && !VALUE_TYPES.contains(type)) {
        findings.error(
            Codes.ENUM,
            item.pointer() + "/type",
            "The %s match type \"%s\" is not Exact or RegularExpression; the API server rejects the route."
                .formatted(what, SchemaCheck.abbreviate(type)),
            "Use type: Exact (the default) or type: RegularExpression.");
      } else if ("RegularExpression".equals(type)) {
        findings.info(
            Codes.REGEX,
            item.pointer() + "/type",
            "A RegularExpression %s match: its syntax is implementation-specific, so the same route can match differently on another Gateway."
                .formatted(what),
            "Prefer type: Exact with the precise value where possible.");
      }
      String name = Tree.text(node, "name");
      if (name == null) {
        if (!Tree.has(node, "name")) {
          findings.error(
              Codes.MATCH,
              item.pointer(),
              "This %s match has no name, which is required; the API server rejects the route."
                  .formatted(what),
              "Add name: with the %s to match, e.g. x-api-tier.".formatted(what));
        }
      } else if (!GatewayPatterns.headerName(name)) {
        findings.error(
            Codes.MATCH,
            item.pointer() + "/name",
            "The %s name \"%s\" is not a valid HTTP token (1 to 256 letters, digits and !#$%%&'*+-.^_`|~; no spaces, ':' or '/'); the API server rejects the route."
                .formatted(what, SchemaCheck.abbreviate(name)),
            "Write only the name, e.g. x-api-tier, and put the value in value:.");
      } else {
        duplicate(item, name, headers, seen, findings);
      }
      value(item, what, maxValue, findings);
    }
  }

  private static void duplicate(
      Located item, String name, boolean headers, Map<String, String> seen, Findings findings) {
    String key = headers ? name.toLowerCase(Locale.ROOT) : name;
    String earlier = seen.putIfAbsent(key, name);
    if (earlier == null) {
      return;
    }
    if (earlier.equals(name)) {
      findings.error(
          Codes.MATCH,
          item.pointer() + "/name",
          "\"%s\" is matched twice in one match; the list is keyed by name, so the API server rejects the route."
              .formatted(name),
          "Keep one entry for \"%s\"; to accept several values use a RegularExpression or separate matches."
              .formatted(name));
    } else {
      findings.warning(
          Codes.HEADER_CASE,
          item.pointer() + "/name",
          "Header names \"%s\" and \"%s\" differ only by case; header names are case-insensitive, so only the first is used and this condition is silently ignored."
              .formatted(earlier, name),
          "Keep one entry for the header, with the value you mean.");
    }
  }

  private static void value(Located item, String what, int max, Findings findings) {
    JsonNode node = item.node();
    String value = Tree.text(node, "value");
    if (value == null && !Tree.has(node, "value")) {
      findings.error(
          Codes.MATCH,
          item.pointer(),
          "This %s match has no value, which is required; the API server rejects the route."
              .formatted(what),
          "Add value: with the exact value to match.");
    } else if (value != null && (value.isEmpty() || Tree.length(value) > max)) {
      findings.error(
          Codes.MATCH,
          item.pointer() + "/value",
          "The %s match value must be 1 to %d characters long; the API server rejects the route."
              .formatted(what, max),
          value.isEmpty()
              ? "Give the value to match; to match the mere presence of a header use type: RegularExpression with value: \".*\"."
              : "Shorten the value, or match a prefix with type: RegularExpression.");
    }
  }
}
