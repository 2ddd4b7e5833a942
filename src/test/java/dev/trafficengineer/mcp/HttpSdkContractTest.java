package dev.trafficengineer.mcp;

import dev.trafficengineer.mcp.http.McpHttpServer;
import org.junit.jupiter.api.DisplayName;

@DisplayName("MCP contract: MCP SDK client over Streamable HTTP")
class HttpSdkContractTest extends McpContractTest {
  private McpHttpServer server;

  @Override
  ContractClient connect() throws Exception {
    server = LocalHttpServer.start(false);
    return SdkClient.http(server.endpoint());
  }

  @Override
  void stopServer() {
    server.close();
  }
}
