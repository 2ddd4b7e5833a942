package dev.trafficengineer.core.patch;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One RFC 6902 operation. {@code value} is absent for {@code remove}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JsonPatchOperation(String op, String path, Object value) {
  public static JsonPatchOperation test(String path, Object value) {
    return new JsonPatchOperation("test", path, value);
  }

  public static JsonPatchOperation replace(String path, Object value) {
    return new JsonPatchOperation("replace", path, value);
  }

  public static JsonPatchOperation add(String path, Object value) {
    return new JsonPatchOperation("add", path, value);
  }

  public static JsonPatchOperation remove(String path) {
    return new JsonPatchOperation("remove", path, null);
  }
}
