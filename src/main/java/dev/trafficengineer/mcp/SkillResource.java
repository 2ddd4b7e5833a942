package dev.trafficengineer.mcp;

import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.util.List;

/**
 * A file of the Agent Skill ({@code skill/} in the repository, packed into the jar) offered as an
 * MCP resource, so that an assistant without the skill installed reads the same text.
 */
record SkillResource(String uri, String file, String title, String description, String mimeType) {
  static final String SCHEME = "traffic-engineer://";

  static final List<SkillResource> ALL =
      List.of(
          new SkillResource(
              SCHEME + "decision-framework",
              "decision-framework.md",
              "Decision framework",
              "Canary, blue-green or A/B testing: the lesson's questions, how the answers combine,"
                  + " and which tool to call for each pattern.",
              "text/markdown"),
          template(
              "canary",
              "Canary route template",
              "HTTPRoute splitting traffic between a stable and a canary Service by weight."),
          template(
              "blue-green",
              "Blue-green route template",
              "HTTPRoute sending all traffic to blue or green, switched by swapping the weights."),
          template(
              "ab-test",
              "A/B test route template",
              "HTTPRoute sending requests with a header to the test Service, everyone else to"
                  + " stable."),
          new SkillResource(
              SCHEME + "skill",
              "SKILL.md",
              "traffic-engineer skill",
              "When to call which tool, the decision framework, rollback at 3 AM, and why merge"
                  + " patches are dangerous.",
              "text/markdown"));

  private static SkillResource template(String name, String title, String description) {
    return new SkillResource(
        SCHEME + "templates/" + name,
        "templates/" + name + ".yaml",
        title,
        description
            + " {{ placeholders }} as in the lesson; filled in, it equals what the generator tool"
            + " returns, which also validates the values.",
        "application/yaml");
  }

  Resource resource() {
    return Resource.builder()
        .uri(uri)
        .name(uri.substring(SCHEME.length()))
        .title(title)
        .description(description)
        .mimeType(mimeType)
        .build();
  }

  String text() {
    return ClasspathText.read("skill/" + file);
  }

  ReadResourceResult read() {
    return new ReadResourceResult(List.of(new TextResourceContents(uri, mimeType, text())));
  }
}
