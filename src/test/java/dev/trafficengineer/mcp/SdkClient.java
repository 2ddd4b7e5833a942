package dev.trafficengineer.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.GetPromptRequest;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The MCP Java SDK's own client, the second independent client of the contract tests. */
final class SdkClient implements ContractClient {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final McpSyncClient client;

  SdkClient(McpClientTransport transport) {
    client =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(30))
            .initializationTimeout(Duration.ofSeconds(30))
            .build();
    client.initialize();
  }

  static SdkClient stdio() {
    List<String> command = ServerProcess.command();
    ServerParameters parameters =
        ServerParameters.builder(command.get(0)).args(command.subList(1, command.size())).build();
    return new SdkClient(new StdioClientTransport(parameters, McpServers.jsonMapper()));
  }

  static SdkClient http(URI endpoint) {
    return http(endpoint, HttpRequest.newBuilder());
  }

  /** Over HTTP, every request built from {@code requests} (which may carry headers). */
  static SdkClient http(URI endpoint, HttpRequest.Builder requests) {
    String base = endpoint.getScheme() + "://" + endpoint.getAuthority();
    return new SdkClient(
        HttpClientStreamableHttpTransport.builder(base)
            .endpoint(endpoint.getPath())
            .requestBuilder(requests)
            .build());
  }

  @Override
  public List<String> toolNames() {
    return client.listTools().tools().stream().map(Tool::name).toList();
  }

  @Override
  public ToolAnswer callTool(String name, String argumentsJson) {
    CallToolResult result =
        client.callTool(new CallToolRequest(name, JSON.readValue(argumentsJson, OBJECT)));
    if (Boolean.TRUE.equals(result.isError())) {
      return new ToolAnswer(true, null, ((TextContent) result.content().get(0)).text());
    }
    return new ToolAnswer(false, JSON.valueToTree(result.structuredContent()), null);
  }

  @Override
  public List<String> promptNames() {
    return client.listPrompts().prompts().stream().map(Prompt::name).toList();
  }

  @Override
  public String prompt(String name, Map<String, Object> arguments) {
    return client.getPrompt(new GetPromptRequest(name, arguments)).messages().stream()
        .map(message -> ((TextContent) message.content()).text())
        .collect(Collectors.joining("\n"));
  }

  @Override
  public List<String> resourceUris() {
    return client.listResources().resources().stream().map(Resource::uri).toList();
  }

  @Override
  public String readResource(String uri) {
    return client.readResource(new ReadResourceRequest(uri)).contents().stream()
        .map(content -> ((TextResourceContents) content).text())
        .collect(Collectors.joining());
  }

  @Override
  public void close() {
    client.closeGracefully();
  }
}
