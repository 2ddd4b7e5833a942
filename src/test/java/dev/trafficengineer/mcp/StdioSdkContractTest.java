package dev.trafficengineer.mcp;

import org.junit.jupiter.api.DisplayName;

@DisplayName("MCP contract: MCP SDK client over stdio")
class StdioSdkContractTest extends McpContractTest {

  @Override
  ContractClient connect() throws Exception {
    return SdkClient.stdio();
  }
}
