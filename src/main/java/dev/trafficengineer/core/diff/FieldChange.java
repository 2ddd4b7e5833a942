package dev.trafficengineer.core.diff;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/**
 * One field that differs between the live route and the proposed one.
 *
 * @param path JSON Pointer, e.g. {@code /spec/rules/1/backendRefs/1/weight}
 * @param live the value in the cluster; absent when the proposal adds the field
 * @param proposed the proposed value; absent when the proposal removes the field
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldChange(String path, JsonNode live, JsonNode proposed) {
  /** "/spec/rules/1/backendRefs/1/weight: 10 -> 0", "... added: ...", "... removed (was ...)". */
  public String describe() {
    if (live == null) {
      return path + " added: " + proposed;
    }
    if (proposed == null) {
      return path + " removed (was " + live + ")";
    }
    return path + ": " + live + " -> " + proposed;
  }
}
