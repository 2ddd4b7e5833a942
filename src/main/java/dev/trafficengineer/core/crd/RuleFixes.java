package dev.trafficengineer.core.crd;

import java.util.List;
import java.util.Map;

/**
 * What to change for the Gateway API's CEL rules, known by their messages (the same wording in
 * v1.0.0 to v1.6.1); any other rule gets the rule itself to satisfy.
 */
final class RuleFixes {

  /** In order: the first message part found decides (the specific ones come first). */
  private static final List<Map.Entry<String, String>> BY_MESSAGE =
      List.of(
          Map.entry(
              "sectionName",
              "Give each parentRef to the same parent a distinct sectionName (or port)."),
          Map.entry(
              "path.replacePrefixMatch",
              "Use replacePrefixMatch only in a rule with exactly one PathPrefix match."),
          Map.entry(
              "type must be 'Replace",
              "Make path.type match the field given: ReplaceFullPath with replaceFullPath,"
                  + " ReplacePrefixMatch with replacePrefixMatch."),
          Map.entry(
              "protocol must be",
              "Make protocol match the configuration given: GRPC with grpc, HTTP with http."),
          Map.entry("type must be one of", "Use type Exact, PathPrefix or RegularExpression."),
          Map.entry(
              "AbsoluteTimeout must be specified",
              "Add absoluteTimeout, or use lifetimeType Session."),
          Map.entry(
              "can only be set with type Cookie", "Set type: Cookie, or remove cookieConfig."),
          Map.entry("Must have port", "Add port (1-65535) to the Service reference."),
          Map.entry(
              "must be specified for",
              "Add the configuration field its type needs (e.g. type: URLRewrite needs"
                  + " urlRewrite), or change the type."),
          Map.entry(
              "must be specified when",
              "Add the field this type needs, or change the type to the field given."),
          Map.entry(
              "must be nil if",
              "Remove the configuration of another filter type, or set type to match it."),
          Map.entry(
              "cannot be repeated",
              "Keep one filter of this type in the list and merge the others into it."),
          Map.entry(
              "when type one of",
              "Write an absolute path starting with / without //, /./, /../, %2f, %2F or #, or a"
                  + " trailing /. or /.."),
          Map.entry(
              "must only contain valid characters",
              "Use only the characters the pattern in the message allows."),
          Map.entry("value must be an absolute path", "Start the path value with /."),
          Map.entry("numerator must be", "Make numerator at most denominator."),
          Map.entry("Only one of percent or fraction", "Keep percent or fraction, not both."),
          Map.entry(
              "backendRequest timeout cannot be longer",
              "Make backendRequest at most request, or drop one of them."),
          Map.entry(
              "While 16 rules and 64 matches",
              "Keep at most 128 matches across all rules; split the route in two."),
          Map.entry(
              "must not be used together with",
              "Remove the backendRefs or the RequestRedirect filter: a redirect answers the"
                  + " request itself."),
          Map.entry(
              "May specify either",
              "Use the RequestRedirect or the URLRewrite filter in this rule, not both."),
          Map.entry(
              "cannot contain '*' alongside", "Use '*' alone, or list the values without '*'."),
          Map.entry("Rule name must be unique", "Give each rule a distinct name."),
          Map.entry("One or both of 'service' or 'method'", "Add service or method to the match."));

  private RuleFixes() {}

  static String of(Violation violation) {
    for (Map.Entry<String, String> entry : BY_MESSAGE) {
      if (violation.detail().contains(entry.getKey())) {
        return entry.getValue();
      }
    }
    return "Change the route so that this rule of the CRD holds: " + violation.rule();
  }
}
