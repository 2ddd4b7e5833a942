package dev.trafficengineer.mcp;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What the contract tests ask of an MCP client. Each client library gets one implementation, so the
 * tests are written once and run with independent clients over every transport.
 */
interface ContractClient extends AutoCloseable {

  /** A tool's answer: its structured content, or the error text when {@code isError} is set. */
  record ToolAnswer(boolean isError, JsonNode structured, String errorText) {}

  List<String> toolNames();

  ToolAnswer callTool(String name, String argumentsJson);

  List<String> promptNames();

  /** The text of every message the prompt renders to, joined. */
  String prompt(String name, Map<String, Object> arguments);

  List<String> resourceUris();

  String readResource(String uri);

  @Override
  void close();
}
