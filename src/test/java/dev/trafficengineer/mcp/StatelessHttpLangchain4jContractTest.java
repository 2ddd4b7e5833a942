package dev.trafficengineer.mcp;

import dev.trafficengineer.mcp.http.McpHttpServer;
import org.junit.jupiter.api.DisplayName;

@DisplayName("MCP contract: langchain4j-mcp over stateless HTTP")
class StatelessHttpLangchain4jContractTest extends McpContractTest {
  private McpHttpServer server;

  @Override
  ContractClient connect() throws Exception {
    server = LocalHttpServer.start(true);
    return Langchain4jClient.http(server.endpoint());
  }

  @Override
  void stopServer() {
    server.close();
  }
}
