package dev.trafficengineer.core.crd;

import dev.trafficengineer.core.crd.Violation.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The OpenAPI part of the API server's validation of a custom resource: types, enums, patterns,
 * lengths in characters, item counts, numeric bounds, required fields, unknown fields (as {@code
 * kubectl apply --validate=strict} reports them) and the uniqueness of list-type map and set items.
 */
final class StructuralCheck {

  private final List<Violation> violations;

  StructuralCheck(List<Violation> violations) {
    this.violations = violations;
  }

  /** Checks {@code value}, found at {@code pointer}, against {@code schema}. */
  void check(Object value, SchemaNode schema, String pointer) {
    if (!hasType(value, schema)) {
      violations.add(
          Violation.type(pointer, value, schema.intOrString ? "integer or string" : schema.type));
      return;
    }
    if (value == null) {
      return;
    }
    if (!schema.enumValues.isEmpty() && !schema.enumValues.contains(value)) {
      add(
          Kind.ENUM,
          pointer,
          PlainValues.describe(value),
          "supported values: " + supported(schema.enumValues),
          supported(schema.enumValues));
    }
    if (value instanceof String text) {
      checkString(text, schema, pointer);
    } else if (value instanceof Long || value instanceof Double) {
      checkNumber(((Number) value).doubleValue(), value, schema, pointer);
    } else if (value instanceof Map<?, ?> map) {
      checkObject(map, schema, pointer);
    } else if (value instanceof List<?> list) {
      checkArray(list, schema, pointer);
    }
  }

  private void checkString(String text, SchemaNode schema, String pointer) {
    long length = text.codePointCount(0, text.length());
    if (schema.maxLength != null && length > schema.maxLength) {
      add(
          Kind.TOO_LONG,
          pointer,
          PlainValues.describe(text),
          "may not be more than " + schema.maxLength + " characters",
          String.valueOf(schema.maxLength));
    }
    if (schema.minLength != null && length < schema.minLength) {
      add(
          Kind.TOO_SHORT,
          pointer,
          PlainValues.describe(text),
          "should be at least " + schema.minLength + " chars long",
          String.valueOf(schema.minLength));
    }
    // Go's regexp.MatchString: RE2 semantics, unanchored, as the API server matches.
    if (schema.pattern != null && !schema.pattern.matcher(text).find()) {
      add(
          Kind.PATTERN,
          pointer,
          PlainValues.describe(text),
          "should match '" + schema.patternText + "'",
          schema.patternText);
    }
  }

  private void checkNumber(double number, Object value, SchemaNode schema, String pointer) {
    if (schema.minimum != null && number < schema.minimum) {
      add(
          Kind.OUT_OF_RANGE,
          pointer,
          String.valueOf(value),
          "should be greater than or equal to " + plain(schema.minimum),
          plain(schema.minimum));
    }
    if (schema.maximum != null && number > schema.maximum) {
      add(
          Kind.OUT_OF_RANGE,
          pointer,
          String.valueOf(value),
          "should be less than or equal to " + plain(schema.maximum),
          plain(schema.maximum));
    }
  }

  private void checkObject(Map<?, ?> map, SchemaNode schema, String pointer) {
    for (String name : schema.required) {
      if (!map.containsKey(name)) {
        add(Kind.REQUIRED, pointer + "/" + escape(name), null, "Required value", null);
      }
    }
    if (schema.maxProperties != null && map.size() > schema.maxProperties) {
      add(
          Kind.TOO_MANY,
          pointer,
          String.valueOf(map.size()),
          "must have at most " + schema.maxProperties + " items",
          String.valueOf(schema.maxProperties));
    }
    if (schema.minProperties != null && map.size() < schema.minProperties) {
      add(
          Kind.TOO_FEW,
          pointer,
          String.valueOf(map.size()),
          "must have at least " + schema.minProperties + " items",
          String.valueOf(schema.minProperties));
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String name = String.valueOf(entry.getKey());
      SchemaNode child = schema.property(name);
      String childPointer = pointer + "/" + escape(name);
      if (childPointer.equals("/metadata")) {
        // ObjectMeta is validated by the server's own rules (MetadataCheck), not the schema.
        continue;
      }
      if (child != null) {
        check(entry.getValue(), child, childPointer);
      } else if (!schema.preserveUnknownFields) {
        add(
            Kind.UNKNOWN_FIELD,
            childPointer,
            name,
            "unknown field \"" + FieldPaths.dotted(childPointer) + "\"",
            String.join(",", schema.properties.keySet()));
      }
    }
  }

  private void checkArray(List<?> list, SchemaNode schema, String pointer) {
    if (schema.maxItems != null && list.size() > schema.maxItems) {
      add(
          Kind.TOO_MANY,
          pointer,
          String.valueOf(list.size()),
          "must have at most " + schema.maxItems + " items",
          String.valueOf(schema.maxItems));
    }
    if (schema.minItems != null && list.size() < schema.minItems) {
      add(
          Kind.TOO_FEW,
          pointer,
          String.valueOf(list.size()),
          "should have at least " + schema.minItems + " items",
          String.valueOf(schema.minItems));
    }
    if (schema.items != null) {
      for (int i = 0; i < list.size(); i++) {
        check(list.get(i), schema.items, pointer + "/" + i);
      }
    }
    checkUniqueness(list, schema, pointer);
  }

  /** {@code x-kubernetes-list-type}: set items and map keys must be unique. */
  private void checkUniqueness(List<?> list, SchemaNode schema, String pointer) {
    boolean set = "set".equals(schema.listType);
    boolean keyed = "map".equals(schema.listType) && !schema.listMapKeys.isEmpty();
    if (!set && !keyed) {
      return;
    }
    Set<Object> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      Object key = set ? item : key(item, schema.listMapKeys);
      if (key != null && !seen.add(key)) {
        add(
            Kind.DUPLICATE,
            pointer + "/" + i,
            set ? PlainValues.describe(item) : describeKey(key, schema.listMapKeys),
            "Duplicate value",
            String.join(",", schema.listMapKeys));
      }
    }
  }

  private static Object key(Object item, List<String> keys) {
    if (!(item instanceof Map<?, ?> map)) {
      return null;
    }
    List<Object> key = new ArrayList<>(keys.size());
    for (String name : keys) {
      key.add(map.get(name));
    }
    return key;
  }

  private static String describeKey(Object key, List<String> names) {
    List<?> values = (List<?>) key;
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      parts.add(names.get(i) + "=" + PlainValues.describe(values.get(i)));
    }
    return String.join(", ", parts);
  }

  private void add(Kind kind, String pointer, String value, String detail, String rule) {
    violations.add(new Violation(kind, pointer, value, detail, rule));
  }

  private static boolean hasType(Object value, SchemaNode schema) {
    if (value == null) {
      return schema.nullable;
    }
    if (schema.intOrString) {
      return value instanceof Long || value instanceof String;
    }
    if (schema.type == null) {
      return true;
    }
    return switch (schema.type) {
      case "object" -> value instanceof Map<?, ?>;
      case "array" -> value instanceof List<?>;
      case "string" -> value instanceof String;
      case "integer" -> value instanceof Long;
      case "number" -> value instanceof Long || value instanceof Double;
      case "boolean" -> value instanceof Boolean;
      default -> false;
    };
  }

  private static String supported(List<Object> values) {
    return values.stream().map(PlainValues::describe).collect(Collectors.joining(", "));
  }

  private static String plain(double bound) {
    return bound == Math.rint(bound) ? String.valueOf((long) bound) : String.valueOf(bound);
  }

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
