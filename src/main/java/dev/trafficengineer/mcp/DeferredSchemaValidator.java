package dev.trafficengineer.mcp;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK's JSON Schema validator, made ready off the start-up path. The SDK checks every tool's
 * schemas against the JSON Schema meta-schema when the server is built and compiles each input
 * schema on its first call; both are start-up work on the way to the first answer. Here the build
 * check is skipped (the schemas are resources of this jar, each checked against the meta-schema by
 * ToolSchemasTest) and the validator is created, with every input schema compiled, on a thread of
 * its own while the server starts. Tool arguments are validated exactly as before.
 *
 * <p>Results are not checked against the tools' own output schemas at run time. The SDK would turn
 * every result into a tree and back into a string to do it: a copy of the answer twice over, which
 * for the 10,000-route review (20,000 findings) does not fit a 64 MiB heap, and work on every warm
 * call. Whether each result matches its schema is a property of this server's code, checked by the
 * tests (ToolSchemasTest with this SDK's validator, TypeScriptSdkClientTest with a stricter one).
 */
final class DeferredSchemaValidator implements JsonSchemaValidator {
  private final CompletableFuture<JsonSchemaValidator> ready;
  private final Set<Map<String, Object>> outputSchemas;

  private DeferredSchemaValidator(
      CompletableFuture<JsonSchemaValidator> ready, Set<Map<String, Object>> outputSchemas) {
    this.ready = ready;
    this.outputSchemas = outputSchemas;
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
    // The SDK validates a result against the very map of the tool it serves: identity tells the
    // output schemas from the input ones without comparing their contents on every call.
    Set<Map<String, Object>> outputs = Collections.newSetFromMap(new IdentityHashMap<>());
    tools.stream().map(Tool::outputSchema).filter(Objects::nonNull).forEach(outputs::add);
    return new DeferredSchemaValidator(ready, outputs);
  }

  @Override
  public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
    if (outputSchemas.contains(schema)) {
      // Every result has its text content, so the SDK needs no JSON of it from here.
      return ValidationResponse.asValid(null);
    }
    return ready.join().validate(schema, structuredContent);
  }

  /** Called by the SDK at build time for every tool's schemas; see the class comment. */
  @Override
  public ValidationResponse validateSchema(Map<String, Object> schema) {
    return ValidationResponse.asValid(null);
  }
}
