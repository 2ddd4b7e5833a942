package dev.trafficengineer.mcp;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.McpPrompt;
import dev.langchain4j.mcp.client.McpPromptMessage;
import dev.langchain4j.mcp.client.McpResource;
import dev.langchain4j.mcp.client.McpTextContent;
import dev.langchain4j.mcp.client.McpTextResourceContents;
import dev.langchain4j.mcp.client.transport.McpTransport;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.langchain4j.mcp.client.transport.stdio.StdioMcpTransport;
import dev.langchain4j.service.tool.ToolExecutionResult;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * langchain4j-mcp, an MCP client with protocol code of its own. It returns the structured content
 * as the result text and raises {@code isError} results as {@link ToolExecutionException}.
 */
final class Langchain4jClient implements ContractClient {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final McpClient client;

  private Langchain4jClient(McpTransport transport) {
    client =
        new DefaultMcpClient.Builder()
            .key("traffic-engineer")
            .transport(transport)
            .initializationTimeout(Duration.ofSeconds(30))
            .toolExecutionTimeout(Duration.ofSeconds(30))
            .build();
  }

  static Langchain4jClient stdio() {
    return new Langchain4jClient(
        new StdioMcpTransport.Builder().command(ServerProcess.command()).build());
  }

  static Langchain4jClient http(URI endpoint) {
    return new Langchain4jClient(
        new StreamableHttpMcpTransport.Builder()
            .url(endpoint.toString())
            .timeout(Duration.ofSeconds(30))
            .build());
  }

  @Override
  public List<String> toolNames() {
    return client.listTools().stream().map(ToolSpecification::name).toList();
  }

  @Override
  public ToolAnswer callTool(String name, String argumentsJson) {
    try {
      ToolExecutionResult result =
          client.executeTool(
              ToolExecutionRequest.builder().name(name).arguments(argumentsJson).build());
      return new ToolAnswer(false, JSON.readTree(result.resultText()), null);
    } catch (ToolExecutionException e) {
      return new ToolAnswer(true, null, e.getMessage());
    }
  }

  @Override
  public List<String> promptNames() {
    return client.listPrompts().stream().map(McpPrompt::name).toList();
  }

  @Override
  public String prompt(String name, Map<String, Object> arguments) {
    return client.getPrompt(name, arguments).messages().stream()
        .map(McpPromptMessage::content)
        .map(content -> ((McpTextContent) content).text())
        .collect(Collectors.joining("\n"));
  }

  @Override
  public List<String> resourceUris() {
    return client.listResources().stream().map(McpResource::uri).toList();
  }

  @Override
  public String readResource(String uri) {
    return client.readResource(uri).contents().stream()
        .map(content -> ((McpTextResourceContents) content).text())
        .collect(Collectors.joining());
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
