package dev.trafficengineer.mcp;

import org.junit.jupiter.api.DisplayName;

@DisplayName("MCP contract: langchain4j-mcp over stdio")
class StdioLangchain4jContractTest extends McpContractTest {

  @Override
  ContractClient connect() throws Exception {
    return Langchain4jClient.stdio();
  }
}
