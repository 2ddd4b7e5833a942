package dev.trafficengineer.core.crd;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One node of a CRD's structural OpenAPI v3 schema: the keywords the API server enforces on a
 * custom resource. A keyword this class does not read is refused when the CRD is loaded (see {@link
 * #UNSUPPORTED}), so that a schema is never judged more leniently than the server would.
 */
final class SchemaNode {

  /** Keywords a structural schema may carry that the engine does not enforce. */
  static final List<String> UNSUPPORTED =
      List.of(
          "anyOf",
          "oneOf",
          "allOf",
          "not",
          "multipleOf",
          "uniqueItems",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "x-kubernetes-embedded-resource");

  final String type;
  final boolean nullable;
  final boolean preserveUnknownFields;
  final boolean intOrString;
  final Map<String, SchemaNode> properties;
  final SchemaNode additionalProperties;
  final SchemaNode items;
  final List<String> required;
  final List<Object> enumValues;
  final Pattern pattern;
  final String patternText;
  final Long minLength;
  final Long maxLength;
  final Long minItems;
  final Long maxItems;
  final Long minProperties;
  final Long maxProperties;
  final Double minimum;
  final Double maximum;
  final Object defaultValue;
  final String listType;
  final List<String> listMapKeys;
  final List<CelRule> rules;

  private SchemaNode(JsonNode node, String pointer) {
    for (String keyword : UNSUPPORTED) {
      if (node.has(keyword)) {
        throw new CrdFormatException(
            "the schema at "
                + at(pointer)
                + " uses "
                + keyword
                + ", which this validator does not"
                + " enforce; it refuses the CRD rather than judge routes more leniently than the"
                + " API server");
      }
    }
    type = text(node, "type");
    nullable = node.path("nullable").asBoolean(false);
    preserveUnknownFields = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    intOrString = node.path("x-kubernetes-int-or-string").asBoolean(false);
    properties = new LinkedHashMap<>();
    JsonNode props = node.path("properties");
    if (props.isObject()) {
      for (Map.Entry<String, JsonNode> e : props.properties()) {
        properties.put(e.getKey(), new SchemaNode(e.getValue(), pointer + "/" + e.getKey()));
      }
    }
    JsonNode additional = node.get("additionalProperties");
    additionalProperties =
        additional != null && additional.isObject()
            ? new SchemaNode(additional, pointer + "/additionalProperties")
            : null;
    JsonNode itemNode = node.get("items");
    items =
        itemNode != null && itemNode.isObject() ? new SchemaNode(itemNode, pointer + "[]") : null;
    required = strings(node, "required", pointer);
    enumValues = new ArrayList<>();
    for (JsonNode value : node.path("enum")) {
      enumValues.add(PlainValues.of(value));
    }
    patternText = text(node, "pattern");
    pattern = patternText == null ? null : compile(patternText, pointer);
    minLength = number(node, "minLength");
    maxLength = number(node, "maxLength");
    minItems = number(node, "minItems");
    maxItems = number(node, "maxItems");
    minProperties = number(node, "minProperties");
    maxProperties = number(node, "maxProperties");
    minimum = node.path("minimum").isNumber() ? node.path("minimum").doubleValue() : null;
    maximum = node.path("maximum").isNumber() ? node.path("maximum").doubleValue() : null;
    defaultValue = node.has("default") ? PlainValues.of(node.get("default")) : null;
    listType = text(node, "x-kubernetes-list-type");
    listMapKeys = strings(node, "x-kubernetes-list-map-keys", pointer);
    rules = new ArrayList<>();
    for (JsonNode rule : node.path("x-kubernetes-validations")) {
      rules.add(CelRule.of(rule, pointer));
    }
  }

  /** Reads the {@code openAPIV3Schema} of one CRD version. */
  static SchemaNode of(JsonNode openApiV3Schema) {
    return new SchemaNode(openApiV3Schema, "");
  }

  /** The schema of property {@code name}, or null when the object does not declare it. */
  SchemaNode property(String name) {
    SchemaNode declared = properties.get(name);
    return declared != null ? declared : additionalProperties;
  }

  /** Every rule of this node and of the nodes below it, for compiling them all up front. */
  void collectRules(List<CelRule> into) {
    into.addAll(rules);
    properties.values().forEach(child -> child.collectRules(into));
    if (additionalProperties != null) {
      additionalProperties.collectRules(into);
    }
    if (items != null) {
      items.collectRules(into);
    }
  }

  private static Pattern compile(String regex, String pointer) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new CrdFormatException(
          "the pattern at " + pointer + " is not an RE2 expression: " + e.getMessage());
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isString() ? value.asString() : null;
  }

  private static Long number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isIntegralNumber() ? value.longValue() : null;
  }

  /** A node's place in a message: its pointer, or "the root" for the schema's own. */
  static String at(String pointer) {
    return pointer.isEmpty() ? "the root" : pointer;
  }

  /** A list of strings, as the API server requires there; anything else refuses the CRD. */
  private static List<String> strings(JsonNode node, String field, String pointer) {
    JsonNode array = node.path(field);
    List<String> values = new ArrayList<>();
    if (array.isMissingNode() || array.isNull()) {
      return values;
    }
    if (!array.isArray()) {
      throw new CrdFormatException(
          "the schema at " + at(pointer) + " has " + field + " that is not a list of strings");
    }
    for (JsonNode value : array) {
      if (!value.isString()) {
        throw new CrdFormatException(
            "the schema at "
                + at(pointer)
                + " has "
                + field
                + " with an entry that is not a string");
      }
      values.add(value.asString());
    }
    return values;
  }
}
