package dev.trafficengineer.mcp;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK's JSON Schema validator, made ready off the start-up path. The SDK checks every tool's
 * schemas against the JSON Schema meta-schema when the server is built and compiles each input
 * schema on its first call; both are start-up work on the way to the first answer. Here the build
 * check is skipped (the schemas are resources of this jar, each checked against the meta-schema by
 * ToolSchemasTest) and the validator is created, with every input schema compiled, on a thread of
 * its own while the server starts. Tool arguments are validated exactly as before.
 */
final class DeferredSchemaValidator implements JsonSchemaValidator {
  private final CompletableFuture<JsonSchemaValidator> ready;

  private DeferredSchemaValidator(CompletableFuture<JsonSchemaValidator> ready) {
    this.ready = ready;
  }

  /** Starts preparing the validator for these tools' input schemas. */
  static DeferredSchemaValidator preparing(List<Tool> tools) {
    CompletableFuture<JsonSchemaValidator> ready = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                JsonSchemaValidator validator = new DefaultJsonSchemaValidator();
                for (Tool tool : tools) {
                  validator.validate(tool.inputSchema(), Map.of());
                }
                ready.complete(validator);
              } catch (RuntimeException | Error e) {
                ready.completeExceptionally(e);
              }
            },
            "schema-validator");
    thread.setDaemon(true);
    thread.start();
    return new DeferredSchemaValidator(ready);
  }

  @Override
  public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
    return ready.join().validate(schema, structuredContent);
  }

  /** Called by the SDK at build time for every tool's schemas; see the class comment. */
  @Override
  public ValidationResponse validateSchema(Map<String, Object> schema) {
    return ValidationResponse.asValid(null);
  }
}
