package dev.trafficengineer.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ClientCapabilities;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * An SDK client that may declare the MCP Apps extension, as Claude, VS Code and the other hosts
 * that show views do, and hands back whole results (text, structured content, {@code _meta}).
 */
final class ViewClient implements AutoCloseable {
  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  final McpSyncClient client;

  private ViewClient(McpClientTransport transport, boolean showsViews) {
    ClientCapabilities capabilities =
        showsViews
            ? ClientCapabilities.builder()
                .extensions(
                    Map.of(
                        RolloutView.EXTENSION, Map.of("mimeTypes", List.of(RolloutView.MIME_TYPE))))
                .build()
            : ClientCapabilities.builder().build();
    client =
        McpClient.sync(transport)
            .capabilities(capabilities)
            .requestTimeout(Duration.ofSeconds(30))
            .initializationTimeout(Duration.ofSeconds(30))
            .build();
    client.initialize();
  }

  static ViewClient stdio(boolean showsViews) {
    List<String> command = ServerProcess.command();
    ServerParameters parameters =
        ServerParameters.builder(command.get(0)).args(command.subList(1, command.size())).build();
    return new ViewClient(
        new StdioClientTransport(parameters, McpServers.jsonMapper()), showsViews);
  }

  static ViewClient http(URI endpoint, boolean showsViews) {
    String base = endpoint.getScheme() + "://" + endpoint.getAuthority();
    return new ViewClient(
        HttpClientStreamableHttpTransport.builder(base).endpoint(endpoint.getPath()).build(),
        showsViews);
  }

  CallToolResult call(String tool, String argumentsJson) {
    return client.callTool(new CallToolRequest(tool, JSON.readValue(argumentsJson, OBJECT)));
  }

  TextResourceContents readView() {
    return (TextResourceContents)
        client.readResource(new ReadResourceRequest(RolloutView.URI)).contents().get(0);
  }

  /** The result as the host hands it to the view: the JSON of {@code tools/call}'s result. */
  static String json(CallToolResult result) {
    return JSON.writeValueAsString(result);
  }

  @Override
  public void close() {
    client.closeGracefully();
  }
}
