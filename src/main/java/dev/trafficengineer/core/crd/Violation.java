package dev.trafficengineer.core.crd;

/**
 * One reason the API server would refuse a route, in its own terms.
 *
 * @param kind which check failed
 * @param pointer JSON Pointer of the offending node in the document
 * @param value the offending value as the server's message shows it, or null
 * @param detail the server's message for it (for a CEL rule, the rule's message)
 * @param rule for {@link Kind#RULE}, the CEL rule; otherwise the schema keyword's value (the
 *     pattern, the limit, the allowed values) or null
 */
record Violation(Kind kind, String pointer, String value, String detail, String rule) {

  /** A value of the wrong JSON type, where {@code expected} was due. */
  static Violation type(String pointer, Object value, String expected) {
    return new Violation(
        Kind.TYPE, pointer, PlainValues.typeOf(value), "must be of type " + expected, expected);
  }

  /** The field error types of the API server (k8s.io/apimachinery field.ErrorType). */
  enum Kind {
    /** A field the schema does not declare (strict field validation). */
    UNKNOWN_FIELD,
    /** The wrong JSON type. */
    TYPE,
    /** A value outside the schema's enum. */
    ENUM,
    REQUIRED,
    PATTERN,
    TOO_LONG,
    TOO_SHORT,
    TOO_MANY,
    TOO_FEW,
    OUT_OF_RANGE,
    DUPLICATE,
    /** An {@code x-kubernetes-validations} rule that does not hold. */
    RULE,
    /** A rule that could not be evaluated here: never a silent pass. */
    UNEVALUATED,
    /** CEL evaluation stopped at the bound of {@link CelBudget}: the document is not judged. */
    OVER_BUDGET,
    /** ObjectMeta rules: name, generateName, namespace, labels, annotations. */
    METADATA,
    /** The document's apiVersion or kind is not one the CRD serves. */
    KIND;

    /**
     * Whether the server stops before the CEL rules: it skips them once a type, enum, required,
     * too-long or too-many error is found ("some validation rules were not checked because the
     * object was invalid").
     */
    boolean blocksRules() {
      return this == TYPE
          || this == ENUM
          || this == REQUIRED
          || this == TOO_LONG
          || this == TOO_MANY
          || this == UNKNOWN_FIELD
          || this == KIND;
    }
  }
}
