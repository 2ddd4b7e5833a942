package dev.trafficengineer.core.yaml;

/**
 * A tree that is YAML but does not fit the HTTPRoute schema's types, such as {@code weight: "ten"}.
 * It carries the JSON Pointer of the offending node, so callers can find its line with {@link
 * YamlDocument#lineOf(String)}.
 */
public final class RouteShapeException extends RuntimeException {

  private final String pointer;

  RouteShapeException(String pointer, String message, Throwable cause) {
    super(message, cause);
    this.pointer = pointer;
  }

  /** Returns the RFC 6901 JSON Pointer of the node that has the wrong type ("" for the root). */
  public String pointer() {
    return pointer;
  }
}
