package dev.trafficengineer.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import java.util.ArrayList;
import java.util.List;

/** The skill's files as the SDK serves them; the text is read once, at start. */
final class ResourceSpecifications {
  private ResourceSpecifications() {}

  static List<SyncResourceSpecification> all() {
    List<SyncResourceSpecification> all = new ArrayList<>();
    SkillResource.ALL.stream()
        .map(
            resource -> {
              ReadResourceResult contents = resource.read();
              return new SyncResourceSpecification(
                  resource.resource(), (exchange, request) -> contents);
            })
        .forEach(all::add);
    all.add(
        new SyncResourceSpecification(
            RolloutView.resource(), (exchange, request) -> RolloutView.read()));
    return List.copyOf(all);
  }

  static List<McpStatelessServerFeatures.SyncResourceSpecification> stateless() {
    List<McpStatelessServerFeatures.SyncResourceSpecification> all = new ArrayList<>();
    SkillResource.ALL.stream()
        .map(
            resource -> {
              ReadResourceResult contents = resource.read();
              return new McpStatelessServerFeatures.SyncResourceSpecification(
                  resource.resource(), (context, request) -> contents);
            })
        .forEach(all::add);
    all.add(
        new McpStatelessServerFeatures.SyncResourceSpecification(
            RolloutView.resource(), (context, request) -> RolloutView.read()));
    return List.copyOf(all);
  }
}
