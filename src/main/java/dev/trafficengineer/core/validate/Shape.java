package dev.trafficengineer.core.validate;

import java.util.Map;
import java.util.Set;

/**
 * The expected shape of one node of an HTTPRoute; {@code code} is the finding code reported when a
 * value has the wrong type, so that a quoted port is a port problem (TE107), not a generic one.
 */
sealed interface Shape {

  /** Anything goes: status, managedFields and other server-written parts. */
  record Any() implements Shape {}

  /** A scalar of one JSON type. */
  record Scalar(Type type, String code) implements Shape {}

  /** A list whose items all have one shape. */
  record ListOf(Shape item, String code) implements Shape {}

  /** A mapping with free keys and values of one shape, such as labels. */
  record MapOf(Shape value) implements Shape {}

  /**
   * A mapping with a fixed set of fields.
   *
   * @param name how an operator calls this object, used in messages ("backendRef")
   * @param fields the allowed fields, in schema order
   * @param experimental fields that exist only in the experimental-channel CRD
   */
  record Fields(String name, Map<String, Shape> fields, Set<String> experimental)
      implements Shape {}

  enum Type {
    STRING("a string"),
    INTEGER("an integer"),
    BOOLEAN("true or false");

    final String description;

    Type(String description) {
      this.description = description;
    }
  }
}
