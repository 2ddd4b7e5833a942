package dev.trafficengineer.core.validate;

import dev.trafficengineer.core.validate.Shape.Any;
import dev.trafficengineer.core.validate.Shape.Fields;
import dev.trafficengineer.core.validate.Shape.ListOf;
import dev.trafficengineer.core.validate.Shape.MapOf;
import dev.trafficengineer.core.validate.Shape.Scalar;
import dev.trafficengineer.core.validate.Shape.Type;
import dev.trafficengineer.core.yaml.SentJson;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * TE103 and wrong types: walks the document against {@link HttpRouteSchema}. A wrong scalar type is
 * reported under the code of the field it belongs to (a quoted port is TE107), so that the other
 * checks can treat a wrongly typed value as absent.
 */
final class SchemaCheck {

  private SchemaCheck() {}

  static void check(JsonNode route, Findings findings) {
    check(route, HttpRouteSchema.ROUTE, findings);
  }

  /** Walks the document against {@code schema}, the shape of the whole document. */
  static void check(JsonNode route, Shape schema, Findings findings) {
    walk(route, schema, "", findings);
  }

  private static void walk(JsonNode node, Shape shape, String pointer, Findings findings) {
    // A null is what the API server sees as an omitted field.
    if (node.isNull()) {
      return;
    }
    if (shape instanceof Fields fields) {
      if (!node.isObject()) {
        wrongType(
            node, "a mapping of " + fields.name() + " fields", Codes.SCHEMA, pointer, findings);
        return;
      }
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        String child = pointer + "/" + FieldPath.token(entry.getKey());
        Shape field = fields.fields().get(entry.getKey());
        if (field == null) {
          unknown(entry.getKey(), fields, child, findings);
        } else {
          walk(entry.getValue(), field, child, findings);
        }
      }
    } else if (shape instanceof ListOf list) {
      if (!node.isArray()) {
        wrongType(node, "a list", list.code(), pointer, findings);
        return;
      }
      int index = 0;
      for (JsonNode item : node.values()) {
        String child = pointer + "/" + index++;
        if (item.isNull() && !(list.item() instanceof Any)) {
          // Only a null field is dropped before validation; a null item (an empty "- ") stays.
          nullItem(item, list.item(), child, findings);
        } else {
          walk(item, list.item(), child, findings);
        }
      }
    } else if (shape instanceof MapOf map) {
      if (!node.isObject()) {
        wrongType(node, "a mapping", Codes.SCHEMA, pointer, findings);
        return;
      }
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        walk(
            entry.getValue(),
            map.value(),
            pointer + "/" + FieldPath.token(entry.getKey()),
            findings);
      }
    } else if (shape instanceof Scalar scalar && !matches(node, scalar.type())) {
      wrongType(node, scalar.type().description, scalar.code(), pointer, findings);
    }
  }

  private static void nullItem(JsonNode item, Shape shape, String pointer, Findings findings) {
    if (shape instanceof Scalar scalar) {
      wrongType(item, scalar.type().description, scalar.code(), pointer, findings);
    } else if (shape instanceof Fields fields) {
      wrongType(item, "a mapping of " + fields.name() + " fields", Codes.SCHEMA, pointer, findings);
    } else {
      wrongType(
          item, shape instanceof ListOf ? "a list" : "a mapping", Codes.SCHEMA, pointer, findings);
    }
  }

  private static boolean matches(JsonNode node, Type type) {
    return switch (type) {
      case STRING -> node.isString();
      case INTEGER -> SentJson.isInteger(node);
      case BOOLEAN -> node.isBoolean();
    };
  }

  /** How a TE103 for a field of the experimental channel reads: known, but not standard. */
  static final String EXPERIMENTAL_ONLY = "exists only in the experimental-channel CRD";

  private static void unknown(String name, Fields fields, String pointer, Findings findings) {
    String field = FieldPath.of(pointer);
    if (fields.experimental().contains(name)) {
      findings.error(
          Codes.SCHEMA,
          pointer,
          ("Unknown field \"%s\": %s "
                  + EXPERIMENTAL_ONLY
                  + ", so a cluster with the standard channel rejects the route.")
              .formatted(field, name),
          "Remove \"%s\", or install the experimental-channel Gateway API CRDs first."
              .formatted(name));
      return;
    }
    String nearest = NearestName.of(name, fields.fields().keySet());
    String message =
        "Unknown field \"%s\": a %s has no field \"%s\", so the API server rejects the route under strict field validation (kubectl's default) or silently drops the field."
            .formatted(field, fields.name(), name);
    String fix =
        nearest != null
            ? "Did you mean \"%s\"? Rename \"%s\" to \"%s\".".formatted(nearest, name, nearest)
            : "Remove \"%s\"; a %s accepts only: %s."
                .formatted(name, fields.name(), String.join(", ", fields.fields().keySet()));
    findings.error(Codes.SCHEMA, pointer, message, fix);
  }

  private static void wrongType(
      JsonNode node, String expected, String code, String pointer, Findings findings) {
    String field = pointer.isEmpty() ? "the document" : "\"" + FieldPath.of(pointer) + "\"";
    findings.error(
        code,
        pointer,
        "%s must be %s, but it is %s; the API server rejects the route."
            .formatted(field, expected, describe(node)),
        fixFor(node, expected));
  }

  private static String fixFor(JsonNode node, String expected) {
    if (node.isNull()) {
      return "Remove the empty list item, or write it as " + expected + ".";
    }
    if (node.isString() && expected.equals(Type.INTEGER.description)) {
      return "Write the number without quotes.";
    }
    // Quoting helps a scalar that YAML read as a number or boolean, not a list or mapping.
    if (node.isValueNode() && !node.isString() && expected.equals(Type.STRING.description)) {
      return "Quote the value so YAML reads it as a string, e.g. \"" + node.asString() + "\".";
    }
    return "Write it as " + expected + ".";
  }

  private static String describe(JsonNode node) {
    if (node.isString()) {
      return "the string \"" + abbreviate(node.asString()) + "\"";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isNull()) {
      return "null (an empty list item)";
    }
    if (node.isBoolean()) {
      return "the boolean " + node.asString();
    }
    return "the number " + node.asString();
  }

  static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
