package dev.trafficengineer.cluster;

import dev.trafficengineer.core.diff.FieldChange;
import dev.trafficengineer.core.generate.BackendShare;
import dev.trafficengineer.core.generate.RuleSplit;
import dev.trafficengineer.core.generate.SplitSummary;
import dev.trafficengineer.core.validate.Finding;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The cluster results as a person reads them, in a chat or at a terminal: what the cluster has,
 * then what changes, then what to do next. The structured result carries the same data.
 */
public final class ClusterText {
  private ClusterText() {}

  public static String of(LiveRoute route) {
    StringBuilder text = new StringBuilder(route.kind()).append(' ').append(route.route());
    text.append(" (resourceVersion ").append(route.resourceVersion()).append(")\n");
    if (route.owner() != null) {
      text.append("\nOwned by ")
          .append(route.owner().controller())
          .append(" (")
          .append(String.join(", ", route.owner().evidence()))
          .append("): writes are refused. ")
          .append(route.owner().instead())
          .append('\n');
    }
    rules(text, route.rules());
    text.append("\nStatus:\n");
    if (route.parents().isEmpty()) {
      text.append("- no parent has reported a status yet\n");
    }
    for (ParentStatus parent : route.parents()) {
      text.append("- ").append(parent.parent()).append(": ");
      text.append(
          parent.conditions().stream()
              .map(c -> c.type() + "=" + c.status() + (c.reason() == null ? "" : " " + c.reason()))
              .collect(Collectors.joining(", ")));
      text.append('\n');
    }
    if (!route.findings().isEmpty()) {
      text.append("\nFindings:\n");
      for (Finding finding : route.findings()) {
        text.append("- ")
            .append(finding.code())
            .append(' ')
            .append(finding.severity())
            .append(" at ")
            .append(finding.path())
            .append(": ")
            .append(finding.message())
            .append('\n');
      }
    }
    return text.append('\n').append(route.yaml()).toString();
  }

  public static String of(RouteList list) {
    StringBuilder text = new StringBuilder("Routes in ").append(list.namespace()).append(":\n");
    if (list.routes().isEmpty()) {
      text.append("- none\n");
    }
    for (RouteSummary route : list.routes()) {
      text.append("- ").append(route.kind()).append(' ').append(route.name());
      if (Boolean.FALSE.equals(route.accepted())) {
        text.append(" (NOT accepted by every parent)");
      }
      if (route.owner() != null) {
        text.append(" (owned by ").append(route.owner()).append(')');
      }
      text.append(": ");
      text.append(
          route.rules().stream()
              .map(rule -> "rule " + rule.rule() + " " + shares(rule.backends()))
              .collect(Collectors.joining("; ")));
      text.append('\n');
    }
    list(text, "Notes", list.notes());
    return text.toString();
  }

  public static String of(LiveDiff diff) {
    StringBuilder text = new StringBuilder(diff.kind()).append(' ').append(diff.route());
    text.append(diff.exists() ? ", live vs proposed:\n" : " is not in the cluster yet:\n");
    changes(text, diff.changes());
    list(text, "Warnings", diff.warnings());
    return text.append("\nRule: ").append(diff.rule()).append('\n').toString();
  }

  public static String of(LiveGatewayCheck check) {
    StringBuilder text = new StringBuilder("Gateway ").append(check.gateway());
    text.append(" (Gateway API ")
        .append(check.bundleVersion() == null ? "bundle version unknown" : check.bundleVersion())
        .append(check.channel() == null ? "" : ", " + check.channel() + " channel")
        .append("): ")
        .append(check.routes().size())
        .append(" route(s) attached (HTTPRoute, GRPCRoute)\n");
    check.routes().forEach(route -> text.append("  ").append(route).append('\n'));
    text.append("Documents:\n");
    for (int i = 0; i < check.documents().size(); i++) {
      text.append("  /").append(i).append(' ').append(check.documents().get(i)).append('\n');
    }
    if (check.findings().isEmpty()) {
      return text.append("valid: no findings\n").toString();
    }
    for (Finding finding : check.findings()) {
      text.append(finding.severity())
          .append(' ')
          .append(finding.code())
          .append(" at ")
          .append(finding.path())
          .append(": ")
          .append(finding.message())
          .append("\n  fix: ")
          .append(finding.fix())
          .append('\n');
    }
    return text.append(check.valid() ? "valid\n" : "invalid\n").toString();
  }

  public static String of(LiveChange change) {
    StringBuilder text =
        new StringBuilder(change.kind()).append(' ').append(change.route()).append(": ");
    text.append(
        change.applied()
            ? "APPLIED (" + change.method() + ")"
            : "none".equals(change.method())
                ? "nothing to change"
                : "gitops".equals(change.method())
                    ? "NOT SENT: managed by " + change.gitops().tool()
                    : "DRY RUN, nothing changed (" + change.method() + ")");
    text.append('\n');
    if (change.confirmation() != null) {
      text.append(change.confirmation()).append('\n');
    }
    list(text, "Changes", change.changes());
    if (!change.fieldChanges().isEmpty()) {
      text.append(change.applied() ? "\nChanged fields:\n" : "\nFields that would change:\n");
      changes(text, change.fieldChanges());
    }
    text.append(
        change.applied()
            ? "\nWeights now (read back):"
            : "none".equals(change.method()) ? "\nWeights now:" : "\nWeights after:");
    rules(text, change.rules());
    list(text, "Warnings", change.warnings());
    if (change.gitops() != null && change.gitops().kustomizePatch() != null) {
      text.append("\nFor the kustomization beside the route's source:\n");
      text.append(change.gitops().kustomizePatch());
    }
    if (change.planToken() != null) {
      text.append("\nplanToken: ").append(change.planToken());
      text.append(" (until ").append(change.planExpires()).append(")\n");
    }
    if (!change.applied()) {
      list(text, "To make this change yourself", change.commands());
    }
    return text.append('\n').append(change.next()).append('\n').toString();
  }

  private static void rules(StringBuilder text, List<RuleSplit> rules) {
    text.append(text.charAt(text.length() - 1) == ':' ? "\n" : "\nRules:\n");
    for (RuleSplit rule : rules) {
      text.append("- rule ")
          .append(rule.rule())
          .append(", ")
          .append(rule.when())
          .append(": ")
          .append(shares(rule.backends()))
          .append('\n');
    }
  }

  private static String shares(List<BackendShare> backends) {
    return backends.stream()
        .map(
            backend ->
                backend.name()
                    + " "
                    + backend.weight()
                    + " ("
                    + SplitSummary.percentText(backend.percent())
                    + ")")
        .collect(Collectors.joining(", "));
  }

  private static void changes(StringBuilder text, List<FieldChange> changes) {
    if (changes.isEmpty()) {
      text.append("- no differences\n");
    }
    changes.forEach(change -> text.append("- ").append(change.describe()).append('\n'));
  }

  private static void list(StringBuilder text, String heading, List<String> items) {
    if (items == null || items.isEmpty()) {
      return;
    }
    text.append('\n').append(heading).append(":\n");
    items.forEach(item -> text.append("- ").append(item).append('\n'));
  }
}
