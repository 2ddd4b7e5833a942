package dev.trafficengineer.cli;

import tools.jackson.databind.json.JsonMapper;

/** The result records as JSON: the same serialization the MCP tools return as structuredContent. */
final class Json {
  private static final JsonMapper MAPPER = dev.trafficengineer.core.Json.MAPPER;

  private Json() {}

  static String pretty(Object result) {
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result) + "\n";
  }
}
