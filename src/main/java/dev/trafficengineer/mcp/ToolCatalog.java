package dev.trafficengineer.mcp;

import java.util.List;

/** Every tool the server offers, in the order {@code tools/list} shows them. */
final class ToolCatalog {
  static final List<CoreTool<?, ?>> TOOLS =
      List.of(
          new GenerateCanaryTool(),
          new GenerateBlueGreenTool(),
          new GenerateAbTestTool(),
          new AddPremiumRuleTool(),
          new PlanRolloutTool(),
          new RollbackPatchTool(),
          new DecisionFrameworkTool(),
          new ValidateRouteTool(),
          new SimulateTrafficTool(),
          new CompareRoutesTool(),
          new MonitoringQueriesTool(),
          new AnalyzeCanaryTool());

  private ToolCatalog() {}
}
