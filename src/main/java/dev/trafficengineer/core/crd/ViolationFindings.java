package dev.trafficengineer.core.crd;

import dev.trafficengineer.core.crd.Violation.Kind;
import dev.trafficengineer.core.validate.Finding;
import dev.trafficengineer.core.validate.NearestName;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the API server's reasons into findings of the catalog: the TE1xx code of the field or rule
 * concerned, the server's own message with its field path and value, and what to change. A rule the
 * catalog does not know keeps its CRD message, under TE103.
 */
final class ViolationFindings {

  private static final List<String> FILTER_TYPES =
      List.of("Redirect", "Rewrite", "Modifier", "Mirror", "CORS", "ExtensionRef", "ExternalAuth");

  /** The filter a list macro binds ({@code self.filter(f, f.type == 'CORS')}), not self.type. */
  private static final Pattern FILTER_VARIABLE = Pattern.compile("(?<![A-Za-z0-9_.])f\\.type");

  private static final Pattern INDEX = Pattern.compile("/[0-9]+(?=/|$)");

  private ViolationFindings() {}

  /**
   * The finding for {@code violation}.
   *
   * @param prefix the document's index as a path prefix ({@code /2}), or empty for one document
   * @param line the line of the offending node (or of its nearest ancestor)
   * @param crd the CRD that judged, named in the message
   */
  static Finding of(Violation violation, String prefix, int line, RouteCrd crd) {
    return new Finding(
        code(violation),
        Finding.ERROR,
        prefix + violation.pointer(),
        line,
        message(violation) + " (" + CrdNames.describe(crd) + ")",
        fix(violation));
  }

  static String code(Violation violation) {
    String shape = INDEX.matcher(violation.pointer()).replaceAll("/N");
    return switch (violation.kind()) {
      case KIND -> "TE102";
      case METADATA -> "TE104";
      case TYPE -> shape.startsWith("/metadata/") ? "TE104" : "TE103";
      case UNKNOWN_FIELD, UNEVALUATED, OVER_BUDGET -> "TE103";
      case ENUM -> "TE114";
      case TOO_MANY -> "TE105";
      case RULE -> {
        String byRule = byRule(violation.rule());
        yield byRule != null ? byRule : byField(shape, violation);
      }
      default -> byField(shape, violation);
    };
  }

  /** The catalog code of the Gateway API's CEL rules, known by what they test. */
  private static String byRule(String rule) {
    if (rule.contains("duration(")) {
      return "TE113";
    }
    if (rule.contains("matches.size()")) {
      return "TE105";
    }
    boolean namesFilter =
        rule.contains("self.type") && FILTER_TYPES.stream().anyMatch(rule::contains);
    if (rule.contains("filters") || FILTER_VARIABLE.matcher(rule).find() || namesFilter) {
      return "TE111";
    }
    if (rule.contains("has(self.port)")) {
      return "TE107";
    }
    if (rule.contains("sectionName") || rule.contains("p1.group == p2.group")) {
      return "TE112";
    }
    return null;
  }

  private static String byField(String shape, Violation violation) {
    if (shape.endsWith("/weight")) {
      return "TE106";
    }
    if (shape.matches(".*/backendRefs/N/port")) {
      return "TE107";
    }
    if (shape.contains("/matches/N/path")) {
      return "TE108";
    }
    if (shape.contains("/matches/N/method")) {
      return "TE115";
    }
    if (shape.contains("/matches/N/headers") || shape.contains("/matches/N/queryParams")) {
      return "TE109";
    }
    if (shape.startsWith("/spec/hostnames")) {
      return "TE110";
    }
    if (shape.contains("/filters")) {
      return "TE111";
    }
    if (shape.startsWith("/spec/parentRefs") && violation.kind() == Kind.DUPLICATE) {
      return "TE112";
    }
    if (shape.contains("/timeouts")) {
      return "TE113";
    }
    if (shape.startsWith("/metadata/")) {
      return "TE104";
    }
    return "TE103";
  }

  /** The API server's wording: {@code spec.rules[0].x: Invalid value: "v": detail}. */
  static String message(Violation violation) {
    String path = FieldPaths.dotted(violation.pointer());
    String field = path.isEmpty() ? "<root>" : path;
    return switch (violation.kind()) {
      case UNKNOWN_FIELD -> violation.detail() + ": the CRD declares no such field here";
      case REQUIRED -> field + ": Required value";
      case ENUM -> field + ": Unsupported value: " + violation.value() + ": " + violation.detail();
      case TOO_LONG -> field + ": Too long: " + violation.detail();
      case TOO_MANY -> field + ": Too many: " + violation.value() + ": " + violation.detail();
      case DUPLICATE -> field + ": Duplicate value: " + violation.value();
      case UNEVALUATED -> field + ": not checked: " + violation.detail();
      case OVER_BUDGET -> field + ": not judged: " + violation.detail();
      default ->
          field
              + ": Invalid value: "
              + (violation.value() == null ? "" : violation.value() + ": ")
              + violation.detail();
    };
  }

  static String fix(Violation violation) {
    String field = lastName(violation.pointer());
    return switch (violation.kind()) {
      case UNKNOWN_FIELD -> unknownFieldFix(field, violation.rule());
      case TYPE -> "Write a value of type " + violation.rule() + " for " + field + ".";
      case ENUM -> "Use one of " + violation.rule() + ".";
      case REQUIRED -> "Add " + field + ".";
      case PATTERN -> "Change the value so that it matches " + violation.rule() + ".";
      case TOO_LONG -> "Shorten it to at most " + violation.rule() + " characters.";
      case TOO_SHORT -> "Make it at least " + violation.rule() + " characters long.";
      case TOO_MANY ->
          "Keep at most " + violation.rule() + " entries; split the route in two if it needs more.";
      case TOO_FEW -> "Give at least " + violation.rule() + " entries.";
      case OUT_OF_RANGE -> "Use a value within the bound " + violation.rule() + ".";
      case DUPLICATE ->
          "Make each entry unique by " + violation.rule() + ": merge or remove the repeated one.";
      case RULE -> RuleFixes.of(violation);
      case UNEVALUATED ->
          "Check this route with kubectl apply --dry-run=server: the rule uses a CEL function"
              + " this validator does not implement.";
      case OVER_BUDGET ->
          violation.rule() == null
              ? "Check this route with kubectl apply --dry-run=server, or validate fewer routes at"
                  + " once: the routes before it used up the evaluation bound of one call."
              : "Check this route with kubectl apply --dry-run=server, and the CRD's rules: one of"
                  + " them costs far more than the Gateway API's own (the last one evaluated: "
                  + violation.rule()
                  + ").";
      case METADATA -> "Use a valid " + violation.rule() + " value for " + field + ".";
      case KIND -> "Use " + violation.rule() + ".";
    };
  }

  private static String unknownFieldFix(String field, String declared) {
    List<String> names = declared.isEmpty() ? List.of() : Arrays.asList(declared.split(","));
    String nearest = NearestName.of(field, names);
    if (nearest != null) {
      return "Did you mean " + nearest + "? Rename " + field + " to " + nearest + ".";
    }
    return names.isEmpty()
        ? "Remove " + field + "."
        : "Remove "
            + field
            + ", or use a field this version of the CRD declares here: "
            + String.join(", ", names)
            + ".";
  }

  private static String lastName(String pointer) {
    String last = pointer.substring(pointer.lastIndexOf('/') + 1);
    return last.replace("~1", "/").replace("~0", "~");
  }
}
