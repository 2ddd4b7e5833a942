package dev.trafficengineer.mcp;

import dev.trafficengineer.core.input.InvalidInputException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Binds the {@code arguments} of a tool call to the tool's request record, strictly: an unknown
 * argument, a value of the wrong JSON type or a missing required argument is refused with an {@link
 * InvalidInputException} naming the argument, instead of being dropped or coerced ({@code "80"} is
 * not a port, {@code 5.5} is not a percentage).
 */
final class ArgumentBinder {
  private static final JsonMapper STRICT =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .withCoercionConfig(
              LogicalType.Integer,
              config ->
                  config
                      .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
          .withCoercionConfig(
              LogicalType.Boolean,
              config ->
                  config
                      .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
          .withCoercionConfig(
              LogicalType.Textual,
              config ->
                  config
                      .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
          .build();

  private ArgumentBinder() {}

  static <T> T bind(Map<String, Object> arguments, Class<T> type, List<String> required) {
    Map<String, Object> given = arguments == null ? Map.of() : arguments;
    for (String field : required) {
      if (given.get(field) == null) {
        throw InvalidInputException.missing(field);
      }
    }
    try {
      return STRICT.convertValue(given, type);
    } catch (UnrecognizedPropertyException e) {
      throw new InvalidInputException(
          field(e),
          valueAt(given, e.getPath()),
          "is not an argument here; expected one of: " + names(e.getKnownPropertyIds()));
    } catch (MismatchedInputException e) {
      throw new InvalidInputException(
          field(e), valueAt(given, e.getPath()), "must be " + expected(e.getTargetType()));
    } catch (JacksonException e) {
      throw new InvalidInputException(
          field(e), valueAt(given, e.getPath()), "cannot be read: " + e.getOriginalMessage());
    }
  }

  /**
   * The argument's path as the core names fields: {@code protectHeader.name}, {@code hostnames[1]}.
   */
  private static String field(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "arguments" : path.toString();
  }

  private static Object valueAt(Object root, List<JacksonException.Reference> path) {
    Object node = root;
    for (JacksonException.Reference reference : path) {
      if (node instanceof Map<?, ?> map && reference.getPropertyName() != null) {
        node = map.get(reference.getPropertyName());
      } else if (node instanceof List<?> list
          && reference.getIndex() >= 0
          && reference.getIndex() < list.size()) {
        node = list.get(reference.getIndex());
      } else {
        return null;
      }
    }
    return node;
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == Integer.class || type == int.class) {
      return "an integer";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }

  private static String names(Collection<Object> known) {
    return known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
  }
}
