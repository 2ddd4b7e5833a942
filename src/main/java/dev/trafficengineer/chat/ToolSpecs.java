package dev.trafficengineer.chat;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.trafficengineer.core.Json;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tool as langchain4j describes it to a model. Each argument's schema is passed on as written
 * (enums, bounds, descriptions and nested objects included), so the model reads the same schema an
 * MCP client does.
 */
final class ToolSpecs {
  private static final JsonMapper JSON = Json.MAPPER;

  private ToolSpecs() {}

  static ToolSpecification of(ChatTool tool) {
    JsonNode schema = JSON.readTree(tool.inputSchema());
    JsonObjectSchema.Builder parameters = JsonObjectSchema.builder();
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      parameters.addProperty(property.getKey(), JsonRawSchema.from(property.getValue().toString()));
    }
    parameters.required(schema.path("required").valueStream().map(JsonNode::asString).toList());
    parameters.additionalProperties(false);
    return ToolSpecification.builder()
        .name(tool.name())
        .description(tool.description())
        .parameters(parameters.build())
        .build();
  }
}
