package dev.trafficengineer.core;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one plain JSON mapper. A mapper learns how to read and write each type the first time it
 * meets it, which is most of the start-up work; sharing one means learning it once. It also makes
 * the MCP tools' structured content and the command line's {@code -o json} the same serialization.
 */
public final class Json {
  public static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}
}
