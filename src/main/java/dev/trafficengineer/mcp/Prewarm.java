package dev.trafficengineer.mcp;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the two most common calls once, off the protocol, while the server starts: the first real
 * call then finds Jackson's serializers built and the core's classes initialized instead of paying
 * for them on the way to its answer. The results are dropped; the tools are pure, so nothing else
 * changes. It runs on a daemon thread of its own, which on a machine with more than one core
 * overlaps the client's initialize round trip.
 */
final class Prewarm {
  private static final Logger LOG = LoggerFactory.getLogger(Prewarm.class);

  private static final Map<String, Object> CANARY =
      Map.of(
          "namespace", "prewarm",
          "gateway", "prewarm-gateway",
          "stableService", "prewarm-stable",
          "canaryService", "prewarm-canary",
          "port", 8080,
          "canaryWeight", 10,
          "pathPrefix", "/api/",
          "protectHeader", Map.of("name", "x-api-tier", "value", "premium"));

  private Prewarm() {}

  static void start() {
    Thread thread = new Thread(Prewarm::run, "prewarm");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run() {
    try {
      String yaml = null;
      for (CoreTool<?, ?> tool : ToolCatalog.TOOLS) {
        if (tool.name().equals("generate_canary")) {
          if (call(tool, CANARY).structuredContent() instanceof Map<?, ?> result) {
            yaml = String.valueOf(result.get("yaml"));
          }
        }
      }
      for (CoreTool<?, ?> tool : ToolCatalog.TOOLS) {
        if (tool.name().equals("validate_route") && yaml != null) {
          call(tool, Map.of("yaml", yaml));
        }
      }
    } catch (RuntimeException e) {
      // Only a head start is lost; the real call reports whatever is wrong.
      LOG.debug("prewarm failed", e);
    }
  }

  private static CallToolResult call(CoreTool<?, ?> tool, Map<String, Object> arguments) {
    return ToolSpecifications.call(tool, List.of(), arguments);
  }
}
