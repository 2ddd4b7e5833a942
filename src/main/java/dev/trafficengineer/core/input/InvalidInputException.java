package dev.trafficengineer.core.input;

/**
 * A refused input: names the field, the value and the rule it breaks, so that a person or an
 * assistant can correct it without guessing.
 */
public class InvalidInputException extends RuntimeException {
  private final String field;
  private final Object value;
  private final String rule;

  public InvalidInputException(String field, Object value, String rule) {
    super(field + ": " + describe(value) + " " + rule);
    this.field = field;
    this.value = value;
    this.rule = rule;
  }

  /** For problems that concern a field as a whole rather than one value, e.g. a missing one. */
  public static InvalidInputException missing(String field) {
    return new InvalidInputException(field, null, "is required");
  }

  public String field() {
    return field;
  }

  /** The refused value as given, or a placeholder such as {@code (YAML)}; null when missing. */
  public Object value() {
    return value;
  }

  /** What the value breaks, without the field and value. */
  public String rule() {
    return rule;
  }

  private static String describe(Object value) {
    if (value == null) {
      return "(missing)";
    }
    if (value instanceof String text) {
      String shown = text.length() > 80 ? text.substring(0, 77) + "..." : text;
      return '"' + shown.replace("\n", "\\n") + '"';
    }
    return String.valueOf(value);
  }
}
