package dev.trafficengineer.mcp;

import java.util.ArrayList;
import java.util.List;

/**
 * The tools one server offers: the offline catalog, plus the cluster tools when the server was
 * started for a cluster ({@link ClusterTools}).
 */
public final class ToolSelection {
  private final List<CoreTool<?, ?>> tools;

  private ToolSelection(List<CoreTool<?, ?>> tools) {
    this.tools = List.copyOf(tools);
  }

  public static ToolSelection offline() {
    return offlineAnd(List.of());
  }

  /** The offline catalog and the view's tool, followed by {@code more}. */
  static ToolSelection offlineAnd(List<CoreTool<?, ?>> more) {
    List<CoreTool<?, ?>> all = new ArrayList<>(ToolCatalog.TOOLS);
    // The rollout view's own tool: listed (hosts hide it from the model), never in the catalog
    // that the chat adapter offers to a model.
    all.add(new DrawRouteTool());
    all.addAll(more);
    return new ToolSelection(all);
  }

  List<CoreTool<?, ?>> tools() {
    return tools;
  }

  /** The tool names, in {@code tools/list} order. */
  public List<String> names() {
    return tools.stream().map(CoreTool::name).toList();
  }
}
