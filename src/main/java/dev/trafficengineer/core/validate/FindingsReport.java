package dev.trafficengineer.core.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
    render(yaml, result, text);
    return text.toString();
  }

  /**
   * Appends the report to {@code out} as it is made, so that the report on thousands of routes can
   * go straight to a stream instead of being held whole beside the input and the findings.
   *
   * @throws UncheckedIOException when {@code out} fails
   */
  public static void render(String yaml, ValidationResult result, Appendable out) {
    try {
      write(yaml, result, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(String yaml, ValidationResult result, Appendable text)
      throws IOException {
    List<Finding> findings = result.findings();
    if (findings.isEmpty()) {
      text.append("valid: no findings\n").append(context(result.context()));
      return;
    }
    SourceLines lines = new SourceLines(yaml == null ? "" : yaml);
    Map<Integer, List<Finding>> byLine = new LinkedHashMap<>();
    for (Finding finding : findings) {
      byLine.computeIfAbsent(finding.line(), line -> new ArrayList<>()).add(finding);
    }
    for (Map.Entry<Integer, List<Finding>> group : byLine.entrySet()) {
      int line = group.getKey();
      text.append("line ").append(String.valueOf(line));
      if (yaml != null && line >= 1 && line <= lines.count()) {
        text.append(": ").append(shorten(lines.line(line).strip()));
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
    long others = findings.size() - errors;
    text.append(result.valid() ? "valid" : "invalid")
        .append(": ")
        .append(String.valueOf(errors))
        .append(errors == 1 ? " error, " : " errors, ")
        .append(String.valueOf(others))
        .append(others == 1 ? " other finding\n" : " other findings\n");
    text.append(context(result.context()));
  }

  /**
   * The lines of the input by number, found on demand: splitting a 6 MB input into its lines up
   * front would hold a third of a million strings to quote a few.
   */
  private static final class SourceLines {
    private final String text;
    private final int[] starts;

    SourceLines(String text) {
      this.text = text;
      int count = 1;
      for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        count++;
      }
      starts = new int[count];
      int line = 1;
      for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        starts[line++] = i + 1;
      }
    }

    int count() {
      return starts.length;
    }

    /** Line {@code number}, from 1, without its line break. */
    String line(int number) {
      int start = starts[number - 1];
      int end = number < starts.length ? starts[number] - 1 : text.length();
      return text.substring(start, end);
    }
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
