package dev.trafficengineer.core.yaml;

import dev.trafficengineer.core.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Emits a JSON tree as block-style YAML in kubectl's layout: two-space indents, sequence items at
 * their parent key's indentation. A string is written plain only when every YAML reader a user may
 * feed it to — kubectl's go-yaml v2 (YAML 1.1) above all — reads it back as the same string;
 * otherwise it is double-quoted. {@code "true"}, {@code "8000"}, {@code "0x1F"}, {@code "on"} and
 * {@code "*.example.com"} are all quoted; {@code /api/} and {@code task-api-stable} are not.
 */
final class BlockYamlEmitter {
  private static final JsonMapper JSON = Json.MAPPER;

  /** Printable ASCII without YAML's flow and comment indicators and quotes. */
  private static final Pattern PLAIN_SAFE =
      Pattern.compile("[A-Za-z0-9/._~$^()+=;@<>!%?*&|\\- :]+");

  /** A first character that starts an indicator, a number or a word in some YAML version. */
  private static final Pattern RISKY_START = Pattern.compile("[-?:,\\[\\]{}#&*!|>'\"%@`+.0-9 ~]");

  private BlockYamlEmitter() {}

  static String emit(JsonNode root) {
    StringBuilder out = new StringBuilder();
    if (isInline(root)) {
      out.append(scalar(root)).append('\n');
      return out.toString();
    }
    for (String line : block(root, 0)) {
      out.append(line).append('\n');
    }
    return out.toString();
  }

  private static List<String> block(JsonNode node, int indent) {
    List<String> lines = new ArrayList<>();
    String pad = " ".repeat(indent);
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        String key = pad + string(entry.getKey()) + ":";
        JsonNode value = entry.getValue();
        if (isInline(value)) {
          lines.add(key + " " + scalar(value));
        } else {
          lines.add(key);
          lines.addAll(block(value, value.isArray() ? indent : indent + 2));
        }
      }
      return lines;
    }
    for (JsonNode item : node) {
      if (isInline(item)) {
        lines.add(pad + "- " + scalar(item));
        continue;
      }
      List<String> nested = block(item, indent + 2);
      lines.add(pad + "- " + nested.get(0).substring(indent + 2));
      lines.addAll(nested.subList(1, nested.size()));
    }
    return lines;
  }

  private static boolean isInline(JsonNode node) {
    return !node.isContainer() || node.isEmpty();
  }

  private static String scalar(JsonNode node) {
    if (node.isObject()) {
      return "{}";
    }
    if (node.isArray()) {
      return "[]";
    }
    if (node.isString()) {
      return string(node.asString());
    }
    return node.toString();
  }

  static String string(String text) {
    return isPlain(text) ? text : JSON.writeValueAsString(text);
  }

  private static boolean isPlain(String text) {
    return !text.isEmpty()
        && PLAIN_SAFE.matcher(text).matches()
        && !RISKY_START.matcher(text.substring(0, 1)).matches()
        && !text.endsWith(" ")
        && !text.endsWith(":")
        && !text.contains(": ")
        && !text.contains(" #")
        && GoYamlScalars.resolvePlain(text).isString();
  }
}
