package dev.trafficengineer.mcp;

import dev.trafficengineer.core.Json;
import dev.trafficengineer.core.confirm.PlanTokens;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServer.SyncSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.ElicitRequest;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * One server, whatever the transport: the same tools, prompts, resources and instructions over
 * stdio, Streamable HTTP and stateless HTTP. Takes the SDK's transport interfaces, so nothing here
 * loads a servlet class.
 */
public final class McpServers {
  static final String NAME = "traffic-engineer";

  private static final ServerCapabilities CAPABILITIES =
      ServerCapabilities.builder().tools(false).prompts(false).resources(false, false).build();

  private static final JsonMapper PROTOCOL_JSON =
      Json.MAPPER.rebuild().addMixIn(ElicitRequest.class, ElicitRequestJson.class).build();

  private McpServers() {}

  /**
   * The JSON mapper every transport and the server share: the shared plain mapper, with the one fix
   * the SDK's own types need ({@link ElicitRequestJson}).
   */
  public static McpJsonMapper jsonMapper() {
    return new JacksonMcpJsonMapper(PROTOCOL_JSON);
  }

  /** The mapper behind {@link #jsonMapper()}, for a transport that writes to a stream. */
  static JsonMapper protocolJson() {
    return PROTOCOL_JSON;
  }

  /** A session-keeping server on a Streamable HTTP transport. */
  public static McpSyncServer streamable(
      McpStreamableServerTransportProvider transport, McpJsonMapper json) {
    return streamable(transport, json, ToolSelection.offline());
  }

  /** The same with {@code tools} in place of the offline catalog. */
  public static McpSyncServer streamable(
      McpStreamableServerTransportProvider transport, McpJsonMapper json, ToolSelection tools) {
    return configure(McpServer.sync(transport), json, tools).build();
  }

  /**
   * A server that keeps nothing between requests, so any replica can answer any request and a
   * Service in front of replicas needs no session affinity.
   */
  public static McpStatelessSyncServer stateless(
      McpStatelessServerTransport transport, McpJsonMapper json) {
    return stateless(transport, json, ToolSelection.offline());
  }

  /** The same with {@code tools} in place of the offline catalog. */
  public static McpStatelessSyncServer stateless(
      McpStatelessServerTransport transport, McpJsonMapper json, ToolSelection tools) {
    List<PromptFile> prompts = PromptCatalog.load();
    List<McpStatelessServerFeatures.SyncToolSpecification> specifications =
        ToolSpecifications.stateless(json, tools);
    return McpServer.sync(transport)
        .serverInfo(NAME, ProjectVersion.get())
        .instructions(ClasspathText.read("mcp/instructions.md"))
        .capabilities(CAPABILITIES)
        .validateToolInputs(true)
        .jsonSchemaValidator(
            DeferredSchemaValidator.preparing(
                specifications.stream()
                    .map(McpStatelessServerFeatures.SyncToolSpecification::tool)
                    .toList()))
        .tools(specifications)
        .prompts(PromptSpecifications.stateless(prompts))
        .resources(ResourceSpecifications.stateless())
        .build();
  }

  static <S extends SyncSpecification<S>> S configure(S spec, McpJsonMapper json) {
    return configure(spec, json, ToolSelection.offline());
  }

  static <S extends SyncSpecification<S>> S configure(
      S spec, McpJsonMapper json, ToolSelection tools) {
    spec.serverInfo(NAME, ProjectVersion.get());
    spec.instructions(ClasspathText.read("mcp/instructions.md"));
    spec.capabilities(CAPABILITIES);
    // The SDK checks arguments against the input schema before a handler runs (its default,
    // stated here because the schemas are written to be enforced); the binder and the core check
    // again, so every transport gets the same guarantees.
    spec.validateToolInputs(true);
    List<SyncToolSpecification> specifications = ToolSpecifications.all(json, tools);
    // A confirmation form waits for a person, who may read the diff first: as long as the plan
    // token lives, instead of the SDK's default of seconds.
    spec.requestTimeout(PlanTokens.LIFETIME);
    spec.jsonSchemaValidator(
        DeferredSchemaValidator.preparing(
            specifications.stream().map(SyncToolSpecification::tool).toList()));
    spec.tools(specifications);
    spec.prompts(PromptSpecifications.all(PromptCatalog.load()));
    spec.resources(ResourceSpecifications.all());
    return spec;
  }
}
