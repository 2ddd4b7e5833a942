package dev.trafficengineer.core.validate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings for a person: grouped by line, each group under the YAML line it is about (when the
 * source is at hand), then what is wrong and how to fix it.
 */
public final class FindingsReport {
  private FindingsReport() {}

  /** {@code yaml} may be null: the groups are then headed by line numbers only. */
  public static String render(String yaml, ValidationResult result) {
    StringBuilder text = new StringBuilder();
    List<Finding> findings = result.findings();
    if (findings.isEmpty()) {
      return "valid: no findings\n" + context(result.context());
    }
    String[] lines = yaml == null ? new String[0] : yaml.split("\n", -1);
    Map<Integer, List<Finding>> byLine = new LinkedHashMap<>();
    for (Finding finding : findings) {
      byLine.computeIfAbsent(finding.line(), line -> new java.util.ArrayList<>()).add(finding);
    }
    for (Map.Entry<Integer, List<Finding>> group : byLine.entrySet()) {
      int line = group.getKey();
      text.append("line ").append(line);
      if (line >= 1 && line <= lines.length) {
        text.append(": ").append(shorten(lines[line - 1].strip()));
      }
      text.append('\n');
      for (Finding finding : group.getValue()) {
        text.append("  ")
            .append(finding.severity())
            .append(' ')
            .append(finding.code())
            .append(" at ")
            .append(finding.path().isEmpty() ? "/" : finding.path())
            .append(": ")
            .append(finding.message())
            .append('\n');
        if (finding.fix() != null && !finding.fix().isEmpty()) {
          text.append("    fix: ").append(finding.fix()).append('\n');
        }
      }
    }
    long errors = findings.stream().filter(f -> Finding.ERROR.equals(f.severity())).count();
    text.append(result.valid() ? "valid" : "invalid")
        .append(": ")
        .append(errors)
        .append(errors == 1 ? " error, " : " errors, ")
        .append(findings.size() - errors)
        .append(findings.size() - errors == 1 ? " other finding\n" : " other findings\n");
    return text.append(context(result.context())).toString();
  }

  /** What the cross-resource checks had to go on, when they ran. */
  private static String context(ContextSummary context) {
    if (context == null) {
      return "";
    }
    StringBuilder text =
        new StringBuilder("context: ")
            .append(context.gateways())
            .append(" Gateway(s), ")
            .append(context.referenceGrants())
            .append(" ReferenceGrant(s), ")
            .append(context.services())
            .append(" Service(s), ")
            .append(context.endpointSlices())
            .append(" EndpointSlice(s), ")
            .append(context.namespaces())
            .append(" Namespace(s); ")
            .append(context.skipped())
            .append(" other document(s) skipped\n");
    context.notes().forEach(note -> text.append("  note: ").append(note).append('\n'));
    return text.toString();
  }

  private static String shorten(String line) {
    return line.length() > 120 ? line.substring(0, 117) + "..." : line;
  }
}
