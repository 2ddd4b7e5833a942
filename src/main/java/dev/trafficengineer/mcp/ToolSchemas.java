package dev.trafficengineer.mcp;

/**
 * Where the JSON Schemas of a tool live: {@code mcp/input/<tool name>.json} for its arguments and
 * {@code mcp/output/<result record>.json} for its structured result, shared by tools with the same
 * result.
 */
final class ToolSchemas {
  private ToolSchemas() {}

  static String input(CoreTool<?, ?> tool) {
    return ClasspathText.read("mcp/input/" + tool.name() + ".json");
  }

  static String output(CoreTool<?, ?> tool) {
    return ClasspathText.read("mcp/output/" + tool.resultType().getSimpleName() + ".json");
  }
}
