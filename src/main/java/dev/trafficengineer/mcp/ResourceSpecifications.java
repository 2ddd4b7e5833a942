package dev.trafficengineer.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import java.util.List;

/** The skill's files as the SDK serves them; the text is read once, at start. */
final class ResourceSpecifications {
  private ResourceSpecifications() {}

  static List<SyncResourceSpecification> all() {
    return SkillResource.ALL.stream()
        .map(
            resource -> {
              ReadResourceResult contents = resource.read();
              return new SyncResourceSpecification(
                  resource.resource(), (exchange, request) -> contents);
            })
        .toList();
  }

  static List<McpStatelessServerFeatures.SyncResourceSpecification> stateless() {
    return SkillResource.ALL.stream()
        .map(
            resource -> {
              ReadResourceResult contents = resource.read();
              return new McpStatelessServerFeatures.SyncResourceSpecification(
                  resource.resource(), (context, request) -> contents);
            })
        .toList();
  }
}
