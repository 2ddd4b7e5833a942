package dev.trafficengineer.core.yaml;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import java.util.Collection;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/** Maps a document tree onto the fabric8 {@link HTTPRoute} model. */
public final class HttpRouteMapping {

  /**
   * Built once: mappers are expensive to build and safe to share. Type coercions are off because
   * the API server decodes JSON strictly ({@code port: "80"} and {@code weight: 1.5} are refused
   * there); unknown fields are kept in fabric8's {@code additionalProperties} for the validator.
   */
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private HttpRouteMapping() {}

  /**
   * Returns the route {@code tree} describes, as the API server receives it ({@link SentJson}: a
   * whole float is an integer, a null field an omitted one); fields the model does not know end up
   * in the {@code additionalProperties} of the object that holds them.
   *
   * @throws RouteShapeException when a field has the wrong type, naming its JSON Pointer
   */
  public static HTTPRoute toRoute(JsonNode tree) {
    return map(tree, HTTPRoute.class);
  }

  /** The same for a GRPCRoute document, with the same strictness and errors. */
  public static GRPCRoute toGrpcRoute(JsonNode tree) {
    return map(tree, GRPCRoute.class);
  }

  private static <T> T map(JsonNode tree, Class<T> type) {
    try {
      return MAPPER.treeToValue(SentJson.of(tree), type);
    } catch (JacksonException e) {
      String pointer = pointer(e);
      throw new RouteShapeException(pointer, describe(pointer, tree.at(pointer), e), e);
    }
  }

  private static String pointer(JacksonException e) {
    StringBuilder pointer = new StringBuilder();
    for (JacksonException.Reference step : e.getPath()) {
      pointer.append('/');
      pointer.append(
          step.getPropertyName() != null
              ? YamlDocument.escape(step.getPropertyName())
              : Integer.toString(step.getIndex()));
    }
    return pointer.toString();
  }

  private static String describe(String pointer, JsonNode found, JacksonException e) {
    String where = pointer.isEmpty() ? "the document" : pointer;
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "%s must be %s, not %s"
          .formatted(where, expected(mismatch.getTargetType()), actual(found));
    }
    return "%s: %s".formatted(where, e.getOriginalMessage());
  }

  private static String expected(Class<?> type) {
    if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
      return "an integer";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
      return "a mapping";
    }
    return "a " + type.getSimpleName();
  }

  private static String actual(JsonNode found) {
    if (found.isString()) {
      return "the string \"" + found.asString() + "\"";
    }
    if (found.isArray()) {
      return "a list";
    }
    if (found.isObject()) {
      return "a mapping";
    }
    if (found.isMissingNode()) {
      return "missing";
    }
    return found.toString();
  }
}
