package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.cluster.WritePolicy;
import dev.trafficengineer.core.TestFiles;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schemas are hand-written JSON; these checks tie them to the records, so that renaming or
 * adding a record component without touching the schema fails the build instead of the client.
 */
@DisplayName("tool schemas")
class ToolSchemasTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The view's tool and the cluster tools too; building them touches no cluster. */
  static Stream<CoreTool<?, ?>> tools() {
    return Stream.concat(
        ToolSelection.offline().tools().stream(),
        ClusterTools.tools(null, WritePolicy.elicitWithRandomKey()).stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tools")
  @DisplayName("input schema properties are exactly the request record's components")
  void inputMatchesRequest(CoreTool<?, ?> tool) {
    JsonNode schema = JSON.readTree(ToolSchemas.input(tool));

    assertMatches(schema, tool.requestType(), tool.name());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tools")
  @DisplayName("output schema properties are exactly the result record's components")
  void outputMatchesResult(CoreTool<?, ?> tool) {
    JsonNode schema = JSON.readTree(ToolSchemas.output(tool));

    assertMatches(schema, tool.resultType(), tool.resultType().getSimpleName());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tools")
  @DisplayName("input schema is closed, and its required arguments and descriptions are in place")
  void inputIsClosedAndDescribed(CoreTool<?, ?> tool) {
    JsonNode schema = JSON.readTree(ToolSchemas.input(tool));

    assertThat(schema.get("type").asString()).isEqualTo("object");
    assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
    assertThat(names(schema.get("required"))).isSubsetOf(names(schema.get("properties")));
    schema
        .get("properties")
        .properties()
        .forEach(
            property ->
                assertThat(property.getValue().path("description").asString())
                    .as("%s.%s description", tool.name(), property.getKey())
                    .isNotBlank());
  }

  /**
   * The server skips the SDK's build-time meta-schema check to start faster ({@link
   * DeferredSchemaValidator}); this is that check, run by the build instead.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("tools")
  @DisplayName("input and output schemas are valid JSON Schema, as the SDK checks them")
  void schemasConformToMetaSchema(CoreTool<?, ?> tool) {
    JsonSchemaValidator sdk = new DefaultJsonSchemaValidator();
    Tool described = ToolSpecifications.tool(tool, McpServers.jsonMapper());

    assertThat(sdk.validateSchema(described.inputSchema()).valid()).as("input").isTrue();
    assertThat(sdk.validateSchema(described.outputSchema()).valid()).as("output").isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tools")
  @DisplayName("arguments are validated as the SDK's own validator does")
  void deferredValidatorAgreesWithSdk(CoreTool<?, ?> tool) {
    JsonSchemaValidator sdk = new DefaultJsonSchemaValidator();
    Tool described = ToolSpecifications.tool(tool, McpServers.jsonMapper());
    JsonSchemaValidator deferred = DeferredSchemaValidator.preparing(List.of(described));
    List<Map<String, Object>> arguments =
        List.of(Map.of(), Map.of("port", "80"), Map.of("unknown", 1), Map.of("namespace", 5));

    for (Map<String, Object> given : arguments) {
      assertThat(deferred.validate(described.inputSchema(), given))
          .as("%s %s", tool.name(), given)
          .isEqualTo(sdk.validate(described.inputSchema(), given));
    }
    assertThat(deferred.validateSchema(Map.of("type", "nonsense")).valid()).isTrue();
  }

  static Stream<Path> calls() throws IOException {
    try (Stream<Path> files = Files.list(TestFiles.path("mcp/calls"))) {
      return files.sorted().toList().stream();
    }
  }

  /**
   * The server does not check its results against the output schemas at run time ({@link
   * DeferredSchemaValidator}); this is that check, with the SDK's validator, on every kept call.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("calls")
  @DisplayName("each kept call's result matches its tool's output schema")
  void resultsMatchOutputSchemas(Path call) {
    JsonNode kept = JSON.readTree(call.toFile());
    CoreTool<?, ?> tool =
        tools().filter(t -> t.name().equals(kept.get("tool").asString())).findFirst().orElseThrow();
    Tool described = ToolSpecifications.tool(tool, McpServers.jsonMapper());
    @SuppressWarnings("unchecked")
    Map<String, Object> arguments =
        (Map<String, Object>) withFiles(JSON.convertValue(kept.get("arguments"), Map.class));

    CallToolResult result =
        ToolSpecifications.call(tool, ToolSpecifications.requiredArguments(described), arguments);

    assertThat(result.isError()).as(result.toString()).isEqualTo(kept.get("isError").asBoolean());
    if (!result.isError()) {
      JsonSchemaValidator.ValidationResponse checked =
          new DefaultJsonSchemaValidator()
              .validate(described.outputSchema(), result.structuredContent());
      assertThat(checked.valid()).as(checked.errorMessage()).isTrue();
    }
  }

  /**
   * A kept call's {@code "@file:NAME"} strings replaced by that file under mcp/, as the TS client
   * does.
   */
  private static Object withFiles(Object value) {
    if (value instanceof String text && text.startsWith("@file:")) {
      return TestFiles.read("mcp/" + text.substring("@file:".length()));
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ToolSchemasTest::withFiles).toList();
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> resolved = new LinkedHashMap<>();
      map.forEach((key, item) -> resolved.put(key, withFiles(item)));
      return resolved;
    }
    return value;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tools")
  @DisplayName("results are not validated at run time, arguments are")
  void deferredValidatorSkipsOnlyResults(CoreTool<?, ?> tool) {
    Tool described = ToolSpecifications.tool(tool, McpServers.jsonMapper());
    JsonSchemaValidator deferred = DeferredSchemaValidator.preparing(List.of(described));

    assertThat(deferred.validate(described.outputSchema(), Map.of("unknown", 1)).valid()).isTrue();
    assertThat(deferred.validate(described.inputSchema(), Map.of("unknown", 1)).valid()).isFalse();
  }

  private static void assertMatches(JsonNode schema, Class<?> type, String where) {
    Map<String, RecordComponent> components =
        Arrays.stream(type.getRecordComponents())
            .collect(Collectors.toMap(RecordComponent::getName, component -> component));
    JsonNode properties = schema.get("properties");
    assertThat(names(properties)).as(where).isEqualTo(components.keySet());
    components.forEach(
        (name, component) -> {
          Class<?> nested = recordIn(component.getGenericType());
          if (nested != null) {
            JsonNode property = properties.get(name);
            assertMatches(
                property.has("items") ? property.get("items") : property,
                nested,
                where + "." + name);
          }
        });
  }

  /** The record a component holds, directly or as the element of a list. */
  private static Class<?> recordIn(Type type) {
    if (type instanceof Class<?> plain) {
      return plain.isRecord() ? plain : null;
    }
    if (type instanceof ParameterizedType parameterized
        && parameterized.getRawType() == List.class) {
      return recordIn(parameterized.getActualTypeArguments()[0]);
    }
    return null;
  }

  private static Set<String> names(JsonNode node) {
    if (node == null) {
      return Set.of();
    }
    if (node.isArray()) {
      return node.valueStream().map(JsonNode::asString).collect(Collectors.toSet());
    }
    return Set.copyOf(node.propertyNames());
  }
}
