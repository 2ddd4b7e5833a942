package dev.trafficengineer.mcp;

import java.util.List;

/**
 * The tool names of the design's contract. Prompts and the skill may name a tool that a branch not
 * yet merged adds; they may not name one outside the contract.
 */
final class McpContractNames {
  static final List<String> TOOLS =
      List.of(
          "generate_canary",
          "generate_blue_green",
          "generate_ab_test",
          "add_premium_rule",
          "plan_rollout",
          "rollback_patch",
          "decision_framework",
          "validate_route",
          "simulate_traffic",
          "compare_routes",
          "monitoring_queries",
          "analyze_canary");

  private McpContractNames() {}
}
