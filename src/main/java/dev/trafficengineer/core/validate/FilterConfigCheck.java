package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.input.GatewayPatterns;
import dev.trafficengineer.core.validate.RouteParts.Located;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * TE111 and TE114 inside one filter's configuration: header modifiers, mirror, redirect, rewrite.
 */
final class FilterConfigCheck {

  private static final Set<String> SCHEMES = Set.of("http", "https");
  private static final Set<Long> STATUS_CODES = Set.of(301L, 302L, 303L, 307L, 308L);
  private static final Set<String> PATH_MODIFIERS = Set.of("ReplaceFullPath", "ReplacePrefixMatch");
  private static final int MAX_HEADER_VALUE = 4096;

  private FilterConfigCheck() {}

  static void check(Located filter, String type, Findings findings) {
    switch (type) {
      case "RequestHeaderModifier" -> headers(filter, "requestHeaderModifier", findings);
      case "ResponseHeaderModifier" -> headers(filter, "responseHeaderModifier", findings);
      case "RequestMirror" -> mirror(filter, findings);
      case "RequestRedirect" -> redirect(filter, findings);
      case "URLRewrite" ->
          path(
              Tree.object(filter.node(), "urlRewrite"), filter.pointer() + "/urlRewrite", findings);
      case "CORS" -> CorsCheck.check(filter, findings);
      default -> {
        // ExtensionRef: its references are NameCheck's.
      }
    }
  }

  private static void headers(Located filter, String field, Findings findings) {
    JsonNode modifier = Tree.object(filter.node(), field);
    String pointer = filter.pointer() + "/" + field;
    for (String operation : new String[] {"set", "add"}) {
      Set<String> names = new HashSet<>();
      for (Located header : RouteParts.located(modifier, pointer, operation)) {
        String name = Tree.text(header.node(), "name");
        if (name == null) {
          if (header.node().isObject() && !Tree.has(header.node(), "name")) {
            findings.error(
                Codes.FILTER,
                header.pointer(),
                "This header has no name, which is required; the API server rejects the route.",
                "Add name: with the header to %s.".formatted(operation));
          }
        } else if (!GatewayPatterns.headerName(name)) {
          invalidName(header.pointer() + "/name", name, findings);
        } else if (!names.add(name)) {
          duplicate(header.pointer() + "/name", name, operation, findings);
        }
        String value = Tree.text(header.node(), "value");
        if (header.node().isObject() && !Tree.has(header.node(), "value")) {
          findings.error(
              Codes.FILTER,
              header.pointer(),
              "This header has no value, which is required; the API server rejects the route.",
              "Add value: with the header's value, or list the header under remove: to drop it.");
        } else if (value != null && (value.isEmpty() || Tree.length(value) > MAX_HEADER_VALUE)) {
          findings.error(
              Codes.FILTER,
              header.pointer() + "/value",
              "A header value must be 1 to 4096 characters long; the API server rejects the route.",
              "Give the header a non-empty value, or use remove: to drop it.");
        }
      }
    }
    // remove is a set of plain strings: the CRD gives its items no pattern and no length, only
    // uniqueness.
    Set<String> removed = new HashSet<>();
    for (Located header : RouteParts.located(modifier, pointer, "remove")) {
      if (header.node().isString() && !removed.add(header.node().asString())) {
        duplicate(header.pointer(), header.node().asString(), "remove", findings);
      }
    }
  }

  private static void invalidName(String pointer, String name, Findings findings) {
    findings.error(
        Codes.FILTER,
        pointer,
        "\"%s\" is not a valid HTTP header name (1 to 256 letters, digits and !#$%%&'*+-.^_`|~); the API server rejects the route."
            .formatted(SchemaCheck.abbreviate(name)),
        "Write only the header name, e.g. x-request-id.");
  }

  private static void duplicate(String pointer, String name, String operation, Findings findings) {
    findings.error(
        Codes.FILTER,
        pointer,
        "Header \"%s\" is listed twice under %s; the list is keyed by name, so the API server rejects the route."
            .formatted(name, operation),
        "Keep one entry for \"%s\".".formatted(name));
  }

  private static void mirror(Located filter, Findings findings) {
    JsonNode mirror = Tree.object(filter.node(), "requestMirror");
    String pointer = filter.pointer() + "/requestMirror";
    if (mirror == null) {
      return;
    }
    if (Tree.has(mirror, "percent") && Tree.has(mirror, "fraction")) {
      findings.error(
          Codes.FILTER,
          pointer,
          "Only one of percent or fraction may be specified in HTTPRequestMirrorFilter.",
          "Keep percent (0 to 100) or fraction, not both.");
    }
    Long percent = Tree.integer(mirror, "percent");
    if (percent != null && (percent < 0 || percent > 100)) {
      findings.error(
          Codes.FILTER,
          pointer + "/percent",
          "Mirror percent %d is outside 0..100; the API server rejects the route."
              .formatted(percent),
          "Use a percentage from 0 to 100.");
    }
    JsonNode fraction = Tree.object(mirror, "fraction");
    if (fraction != null) {
      fraction(fraction, pointer + "/fraction", findings);
    }
    JsonNode backend = Tree.object(mirror, "backendRef");
    if (backend == null) {
      if (!Tree.has(mirror, "backendRef")) {
        findings.error(
            Codes.FILTER,
            pointer,
            "A RequestMirror filter needs backendRef, the Service to copy requests to.",
            "Add backendRef: {name: my-service, port: 8080}.");
      }
      return;
    }
    BackendRefCheck.port(new Located(backend, pointer + "/backendRef"), findings);
  }

  /**
   * numerator (required, minimum 0), denominator (minimum 1, default 100) and the CEL rule
   * "numerator must be less than or equal to denominator", which sees the defaulted denominator.
   */
  private static void fraction(JsonNode fraction, String pointer, Findings findings) {
    Long numerator = Tree.integer(fraction, "numerator");
    Long denominator = Tree.integer(fraction, "denominator");
    String fix = "Write e.g. fraction: {numerator: 5, denominator: 100}.";
    if (!Tree.has(fraction, "numerator")) {
      findings.error(
          Codes.FILTER,
          pointer,
          "The mirror fraction has no numerator, which is required; the API server rejects the"
              + " route.",
          fix);
    } else if (numerator != null && numerator < 0) {
      findings.error(
          Codes.FILTER,
          pointer + "/numerator",
          "The mirror fraction's numerator %d is below 0; the API server rejects the route."
              .formatted(numerator),
          fix);
    }
    if (denominator != null && denominator < 1) {
      findings.error(
          Codes.FILTER,
          pointer + "/denominator",
          "The mirror fraction's denominator %d is below 1; the API server rejects the route."
              .formatted(denominator),
          fix);
    }
    long effective = Tree.has(fraction, "denominator") ? denominatorOr(denominator) : 100;
    if (numerator != null && numerator > effective) {
      findings.error(
          Codes.FILTER,
          pointer,
          "numerator must be less than or equal to denominator (%d > %d%s): a mirror cannot copy"
                  .formatted(
                      numerator,
                      effective,
                      Tree.has(fraction, "denominator") ? "" : ", the default denominator")
              + " more than every request.",
          fix);
    }
  }

  /** A wrongly typed denominator is reported by the schema check; the rule then has no value. */
  private static long denominatorOr(Long denominator) {
    return denominator == null ? Long.MAX_VALUE : denominator;
  }

  private static void redirect(Located filter, Findings findings) {
    JsonNode redirect = Tree.object(filter.node(), "requestRedirect");
    String pointer = filter.pointer() + "/requestRedirect";
    String scheme = Tree.text(redirect, "scheme");
    if (scheme != null && !SCHEMES.contains(scheme)) {
      findings.error(
          Codes.ENUM,
          pointer + "/scheme",
          "Redirect scheme \"%s\" is not http or https; the API server rejects the route."
              .formatted(SchemaCheck.abbreviate(scheme)),
          "Use scheme: https (or http), lower-case.");
    }
    Long status = Tree.integer(redirect, "statusCode");
    if (status != null && !STATUS_CODES.contains(status)) {
      findings.error(
          Codes.ENUM,
          pointer + "/statusCode",
          "Redirect statusCode %d is not one of 301, 302, 303, 307, 308; the API server rejects the route."
              .formatted(status),
          "Use 301 (permanent) or 302 (temporary, the default); 307/308 keep the method.");
    }
    Long port = Tree.integer(redirect, "port");
    if (port != null) {
      BackendRefCheck.portRange(port, pointer + "/port", "redirect", findings);
    }
    path(redirect, pointer, findings);
  }

  /** The path modifier of a redirect or rewrite: its type and the field that type needs. */
  private static void path(JsonNode config, String configPointer, Findings findings) {
    JsonNode path = Tree.object(config, "path");
    String pointer = configPointer + "/path";
    if (path == null) {
      return;
    }
    String type = Tree.text(path, "type");
    if (!Tree.has(path, "type")) {
      findings.error(
          Codes.FILTER,
          pointer,
          "This path modifier has no type, which is required; the API server rejects the route.",
          "Add type: ReplaceFullPath with replaceFullPath:, or type: ReplacePrefixMatch with"
              + " replacePrefixMatch:.");
      return;
    }
    if (type != null && !PATH_MODIFIERS.contains(type)) {
      findings.error(
          Codes.ENUM,
          pointer + "/type",
          "Path modifier type \"%s\" is not ReplaceFullPath or ReplacePrefixMatch; the API server rejects the route."
              .formatted(SchemaCheck.abbreviate(type)),
          "Use type: ReplaceFullPath with replaceFullPath:, or type: ReplacePrefixMatch with"
              + " replacePrefixMatch:.");
      return;
    }
    for (String field : new String[] {"ReplaceFullPath", "ReplacePrefixMatch"}) {
      String valueField = Character.toLowerCase(field.charAt(0)) + field.substring(1);
      boolean present = Tree.has(path, valueField);
      if (field.equals(type) && !present) {
        findings.error(
            Codes.FILTER,
            pointer,
            "%s must be specified when type is set to '%s'.".formatted(valueField, field),
            "Add %s: with the path to use.".formatted(valueField));
      } else if (!field.equals(type) && present) {
        findings.error(
            Codes.FILTER,
            pointer + "/" + valueField,
            "type must be '%s' when %s is set.".formatted(field, valueField),
            "Set type: %s, or remove %s.".formatted(field, valueField));
      }
      String value = Tree.text(path, valueField);
      if (value != null && Tree.length(value) > PathRules.MAX_LENGTH) {
        findings.error(
            Codes.PATH,
            pointer + "/" + valueField,
            "The %s path is longer than %d characters; the API server rejects the route."
                .formatted(valueField, PathRules.MAX_LENGTH),
            "Shorten the path.");
      }
    }
  }
}
