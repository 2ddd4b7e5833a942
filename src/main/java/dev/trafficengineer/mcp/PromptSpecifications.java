package dev.trafficengineer.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The prompt files as the SDK serves them. A prompt renders into one user message that names the
 * tools to call, in order, and how to check what they return.
 */
final class PromptSpecifications {
  private PromptSpecifications() {}

  static List<SyncPromptSpecification> all(List<PromptFile> prompts) {
    return prompts.stream()
        .map(
            file ->
                new SyncPromptSpecification(
                    prompt(file), (exchange, request) -> render(file, request.arguments())))
        .toList();
  }

  static List<McpStatelessServerFeatures.SyncPromptSpecification> stateless(
      List<PromptFile> prompts) {
    return prompts.stream()
        .map(
            file ->
                new McpStatelessServerFeatures.SyncPromptSpecification(
                    prompt(file), (context, request) -> render(file, request.arguments())))
        .toList();
  }

  static Prompt prompt(PromptFile file) {
    List<PromptArgument> arguments =
        file.arguments().stream()
            .map(
                argument ->
                    new PromptArgument(
                        argument.name(), argument.description(), argument.required()))
            .toList();
    return new Prompt(file.name(), file.title(), file.description(), arguments);
  }

  /** The prompt's text with the arguments filled in; a missing required one is invalid params. */
  static GetPromptResult render(PromptFile file, Map<String, Object> given) {
    Map<String, String> values = new HashMap<>();
    for (PromptFile.Argument argument : file.arguments()) {
      Object value = given == null ? null : given.get(argument.name());
      if (value == null || value.toString().isBlank()) {
        if (argument.required()) {
          throw McpError.builder(ErrorCodes.INVALID_PARAMS)
              .message(
                  "prompt "
                      + file.name()
                      + " needs the argument "
                      + argument.name()
                      + " ("
                      + argument.description()
                      + ")")
              .build();
        }
        values.put(argument.name(), argument.defaultValue() == null ? "" : argument.defaultValue());
      } else {
        values.put(argument.name(), value.toString().strip());
      }
    }
    String text = Placeholders.fill(file.body(), values);
    return new GetPromptResult(
        file.description(), List.of(new PromptMessage(Role.USER, new TextContent(text))));
  }
}
