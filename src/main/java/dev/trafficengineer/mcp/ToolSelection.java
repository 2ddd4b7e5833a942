package dev.trafficengineer.mcp;

import java.util.ArrayList;
import java.util.List;

/**
 * The tools one server offers: the offline catalog, plus the cluster tools when the server was
 * started for a cluster ({@link ClusterTools}).
 */
public final class ToolSelection {
  private final List<CoreTool<?, ?>> tools;
  private final AuditTrail audit;

  private ToolSelection(List<CoreTool<?, ?>> tools, AuditTrail audit) {
    this.tools = List.copyOf(tools);
    this.audit = audit;
  }

  public static ToolSelection offline() {
    return offlineAnd(List.of(), null);
  }

  /**
   * The offline catalog and the view's tool, followed by {@code more}, every call recorded in
   * {@code audit}.
   */
  static ToolSelection offlineAnd(List<CoreTool<?, ?>> more, AuditTrail audit) {
    List<CoreTool<?, ?>> all = new ArrayList<>(ToolCatalog.TOOLS);
    // The rollout view's own tool: listed (hosts hide it from the model), never in the catalog
    // that the chat adapter offers to a model.
    all.add(new DrawRouteTool());
    all.addAll(more);
    return new ToolSelection(all, audit);
  }

  List<CoreTool<?, ?>> tools() {
    return tools;
  }

  /** Where every call is recorded; null when calls are not recorded. */
  AuditTrail audit() {
    return audit;
  }

  /** The tool names, in {@code tools/list} order. */
  public List<String> names() {
    return tools.stream().map(CoreTool::name).toList();
  }
}
