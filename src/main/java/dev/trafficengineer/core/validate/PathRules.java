package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.input.GatewayPatterns;
import java.util.List;

/** The CEL rules on Exact and PathPrefix values, shared by path matches and path modifiers. */
final class PathRules {

  static final int MAX_LENGTH = 1024;
  private static final List<String> FORBIDDEN = List.of("//", "/./", "/../", "%2f", "%2F", "#");
  private static final String TYPES = " when type one of ['Exact', 'PathPrefix']";

  private PathRules() {}

  /** Returns the upstream CEL message the value violates, or null when it is accepted. */
  static String problem(String value) {
    if (Tree.length(value) > MAX_LENGTH) {
      return "must be at most %d characters".formatted(MAX_LENGTH);
    }
    if (!value.startsWith("/")) {
      return "value must be an absolute path and start with '/'" + TYPES;
    }
    for (String forbidden : FORBIDDEN) {
      if (value.contains(forbidden)) {
        return "must not contain '" + forbidden + "'" + TYPES;
      }
    }
    if (value.endsWith("/..")) {
      return "must not end with '/..'" + TYPES;
    }
    if (value.endsWith("/.")) {
      return "must not end with '/.'" + TYPES;
    }
    if (!GatewayPatterns.pathCharacters(value)) {
      return "must only contain valid characters (matching"
          + " ^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$) for types ['Exact',"
          + " 'PathPrefix']";
    }
    return null;
  }

  static String fix(String value) {
    if (!value.startsWith("/")) {
      return "Start the path with '/', e.g. \"/" + SchemaCheck.abbreviate(value) + "\".";
    }
    return "Write a normalized path of letters, digits and -._~!$&'()*+,;=:@ with %XX escapes for"
        + " anything else, and no '//', '/./', '/../', '%2F' or '#'.";
  }
}
