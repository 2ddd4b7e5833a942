package dev.trafficengineer.core.yaml;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One non-empty document of a YAML input.
 *
 * @param index position among the non-empty documents of the input, from 0
 * @param tree the document as the Kubernetes API server would see it
 * @param lines 1-based line of every node, keyed by RFC 6901 JSON Pointer ("" is the root); for a
 *     mapping entry the line of its key, for a sequence item the line where the item starts
 */
public record YamlDocument(int index, JsonNode tree, Map<String, Integer> lines) {

  public YamlDocument {
    lines = Map.copyOf(lines);
  }

  /**
   * Returns the line of {@code pointer}, or of its nearest ancestor that exists, so that a finding
   * about a missing field points at the mapping that lacks it; 0 when not even the root is known.
   */
  public int lineOf(String pointer) {
    String current = pointer;
    while (true) {
      Integer line = lines.get(current);
      if (line != null) {
        return line;
      }
      if (current.isEmpty()) {
        return 0;
      }
      int slash = current.lastIndexOf('/');
      current = slash < 0 ? "" : current.substring(0, slash);
    }
  }

  /** Returns {@code key} escaped as one JSON Pointer reference token. */
  static String escape(String key) {
    if (key.indexOf('~') < 0 && key.indexOf('/') < 0) {
      return key;
    }
    return key.replace("~", "~0").replace("/", "~1");
  }
}
